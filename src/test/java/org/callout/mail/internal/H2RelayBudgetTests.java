package org.callout.mail.internal;

import org.callout.support.H2Database;

@H2Database
class H2RelayBudgetTests extends RelayBudgetTests {

}

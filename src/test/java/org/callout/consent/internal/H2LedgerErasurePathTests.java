package org.callout.consent.internal;

import org.callout.support.H2Database;

@H2Database
class H2LedgerErasurePathTests extends LedgerErasurePathTests {

}

package org.callout.console.internal.accounts;

import org.callout.support.H2Database;

@H2Database
class H2LastAdminTests extends LastAdminTests {

}

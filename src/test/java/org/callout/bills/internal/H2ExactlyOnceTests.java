package org.callout.bills.internal;

import org.callout.support.H2Database;

@H2Database
class H2ExactlyOnceTests extends ExactlyOnceTests {

}

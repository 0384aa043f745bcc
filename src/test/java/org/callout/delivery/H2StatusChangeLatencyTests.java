package org.callout.delivery;

import org.callout.support.H2Database;

@H2Database
class H2StatusChangeLatencyTests extends StatusChangeLatencyTests {

}

package org.callout.delivery.internal;

import org.callout.support.H2Database;

@H2Database
class H2UnsubscribeRaceTests extends UnsubscribeRaceTests {

}

package org.callout.campaigns.internal.blasts;

import org.callout.support.H2Database;

@H2Database
class H2TriggeredBlastTests extends TriggeredBlastTests {

}

package org.callout.campaigns.internal.blasts;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresTriggeredBlastTests extends TriggeredBlastTests {

}

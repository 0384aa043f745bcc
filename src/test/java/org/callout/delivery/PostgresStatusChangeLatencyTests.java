package org.callout.delivery;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresStatusChangeLatencyTests extends StatusChangeLatencyTests {

}

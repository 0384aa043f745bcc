package org.callout.delivery.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresSnapshotTests extends SnapshotTests {

}

package org.callout.subscribers;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresSuppressionStorageTests extends SuppressionStorageTests {

}

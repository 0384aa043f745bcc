package org.callout.subscribers.imports;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresImportUpdateTests extends ImportUpdateTests {

}

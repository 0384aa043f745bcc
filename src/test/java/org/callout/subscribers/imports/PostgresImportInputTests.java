package org.callout.subscribers.imports;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresImportInputTests extends ImportInputTests {

}

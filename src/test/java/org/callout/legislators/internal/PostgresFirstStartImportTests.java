package org.callout.legislators.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresFirstStartImportTests extends FirstStartImportTests {

}

package org.callout.legislators.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresZipTableTests extends ZipTableTests {

}

package org.callout.consent;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresConsentSourceMigrationTests extends ConsentSourceMigrationTests {

}

package org.callout.consent;

import org.callout.support.H2Database;

@H2Database
class H2ConsentSourceMigrationTests extends ConsentSourceMigrationTests {

}

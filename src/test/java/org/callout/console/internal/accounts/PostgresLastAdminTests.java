package org.callout.console.internal.accounts;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresLastAdminTests extends LastAdminTests {

}

package org.callout.signup;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresStoredNamesTests extends StoredNamesTests {

}

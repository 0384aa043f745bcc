package org.callout.signup;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresConcurrentSignupTests extends ConcurrentSignupTests {

}

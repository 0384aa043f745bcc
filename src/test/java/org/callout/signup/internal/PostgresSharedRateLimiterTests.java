package org.callout.signup.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresSharedRateLimiterTests extends SharedRateLimiterTests {

}

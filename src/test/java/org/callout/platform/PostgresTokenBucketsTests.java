package org.callout.platform;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresTokenBucketsTests extends TokenBucketsTests {

}

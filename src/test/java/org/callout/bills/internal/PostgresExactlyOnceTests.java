package org.callout.bills.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresExactlyOnceTests extends ExactlyOnceTests {

}

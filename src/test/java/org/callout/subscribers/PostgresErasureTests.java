package org.callout.subscribers;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresErasureTests extends ErasureTests {

}

package org.callout.subscribers;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresSubscribersDataTests extends SubscribersDataTests {

}

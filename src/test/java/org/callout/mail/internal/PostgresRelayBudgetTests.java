package org.callout.mail.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresRelayBudgetTests extends RelayBudgetTests {

}

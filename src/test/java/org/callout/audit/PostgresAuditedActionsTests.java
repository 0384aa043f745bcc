package org.callout.audit;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresAuditedActionsTests extends AuditedActionsTests {

}

package org.callout.audit;

import org.callout.support.H2Database;

@H2Database
class H2AuditedActionsTests extends AuditedActionsTests {

}

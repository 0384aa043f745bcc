package org.callout.platform.internal;

import org.callout.support.H2Database;

@H2Database
class H2AuditStorageTests extends AuditStorageTests {

}

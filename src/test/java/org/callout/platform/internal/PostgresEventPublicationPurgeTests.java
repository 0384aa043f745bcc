package org.callout.platform.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresEventPublicationPurgeTests extends EventPublicationPurgeTests {

}

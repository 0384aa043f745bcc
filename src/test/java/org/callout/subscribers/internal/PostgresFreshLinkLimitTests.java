package org.callout.subscribers.internal;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresFreshLinkLimitTests extends FreshLinkLimitTests {

}

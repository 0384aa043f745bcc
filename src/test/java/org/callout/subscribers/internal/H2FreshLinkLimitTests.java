package org.callout.subscribers.internal;

import org.callout.support.H2Database;

@H2Database
class H2FreshLinkLimitTests extends FreshLinkLimitTests {

}

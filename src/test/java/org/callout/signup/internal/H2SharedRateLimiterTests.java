package org.callout.signup.internal;

import org.callout.support.H2Database;

@H2Database
class H2SharedRateLimiterTests extends SharedRateLimiterTests {

}

package org.callout.platform;

import org.callout.support.H2Database;

@H2Database
class H2TokenBucketsTests extends TokenBucketsTests {

}

package org.callout.subscribers;

import org.callout.support.H2Database;

@H2Database
class H2ErasureTests extends ErasureTests {

}

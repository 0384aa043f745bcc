package org.callout.subscribers.imports;

import org.callout.support.H2Database;

@H2Database
class H2ImportInputTests extends ImportInputTests {

}

package org.callout.subscribers.export;

import org.callout.support.H2Database;

@H2Database
class H2LargeExportStreamingTests extends LargeExportStreamingTests {

}

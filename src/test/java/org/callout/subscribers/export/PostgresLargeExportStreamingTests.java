package org.callout.subscribers.export;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresLargeExportStreamingTests extends LargeExportStreamingTests {

}

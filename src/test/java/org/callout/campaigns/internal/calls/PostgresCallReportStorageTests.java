package org.callout.campaigns.internal.calls;

import org.callout.support.PostgresDatabase;

@PostgresDatabase
class PostgresCallReportStorageTests extends CallReportStorageTests {

}

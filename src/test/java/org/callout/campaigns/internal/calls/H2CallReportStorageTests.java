package org.callout.campaigns.internal.calls;

import org.callout.support.H2Database;

@H2Database
class H2CallReportStorageTests extends CallReportStorageTests {

}

package org.callout.legislators.internal;

import org.callout.support.H2Database;

@H2Database
class H2FirstStartImportTests extends FirstStartImportTests {

}

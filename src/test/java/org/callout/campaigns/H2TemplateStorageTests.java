package org.callout.campaigns;

import org.callout.support.H2Database;

@H2Database
class H2TemplateStorageTests extends TemplateStorageTests {

}

package org.callout.signup;

import org.callout.support.H2Database;

@H2Database
class H2StoredNamesTests extends StoredNamesTests {

}

package org.callout.subscribers.imports;

import org.callout.support.H2Database;
import org.springframework.test.context.TestPropertySource;

@H2Database
@TestPropertySource(properties = "callout.subscribers.imports.max-file-size=2MB")
class H2ImportInputTests extends ImportInputTests {

}

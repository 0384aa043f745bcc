package org.callout.subscribers.imports;

import org.callout.support.PostgresDatabase;
import org.springframework.test.context.TestPropertySource;

@PostgresDatabase
@TestPropertySource(properties = "callout.subscribers.imports.max-file-size=2MB")
class PostgresImportInputTests extends ImportInputTests {

}

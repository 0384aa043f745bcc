package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.callout.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;

@PostgresDatabase
class PostgresTemplateStorageTests extends TemplateStorageTests {

	@Test
	void theDatabaseRefusesToTruncateTheVersionsEvenForASuperuser() {
		templates.save("truncated", english(TEXT));

		assertThatThrownBy(() -> jdbc.sql("TRUNCATE campaign_template_parts, campaign_template_versions").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
	}

}

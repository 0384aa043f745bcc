package org.callout.subscribers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an import does to people on file: details per update mode, and memberships only ever upgraded. */
abstract class ImportUpdateTests extends ImportSupport {

	private static String confirmedRow(String email) {
		return email + ",Ana,Pérez,10004,2021-05-01T10:00:00Z,2021-05-02T11:30:00-04:00,2021 rally sheet,203.0.113.7\r\n";
	}

	@Test
	void updateNoneLeavesTheDetailsOnFileAlone() throws Exception {
		String email = unique("none");
		imported("email,first_name,zip\n" + email + ",Ana,\n", "");

		JsonNode answer = imported("email,first_name,zip\n" + email + ",Anna,10004\n", "rows=all");

		assertThat(outcomes(answer)).containsExactly("2:unchanged");
		assertThat(details(email)).isEqualTo("Ana|null");
	}

	@Test
	void fillBlanksSetsOnlyWhatIsBlankOnFile() throws Exception {
		String email = unique("fill");
		imported("email,first_name,zip\n" + email + ",Ana,\n", "");

		JsonNode answer = imported("email,first_name,zip\n" + email + ",Anna,10004\n", "update=fill-blanks&rows=all");

		assertThat(outcomes(answer)).containsExactly("2:updated");
		assertThat(details(email)).isEqualTo("Ana|10004");
	}

	@Test
	void overwriteReplacesDetailsWithTheFilesButAnEmptyCellErasesNothing() throws Exception {
		String email = unique("overwrite");
		imported("email,first_name,zip\n" + email + ",Ana,10004\n", "");

		imported("email,first_name,zip\n" + email + ",Anna,\n", "update=overwrite");

		assertThat(details(email)).isEqualTo("Anna|10004");
	}

	@Test
	void anImportNeverDowngradesAConfirmedMembership() throws Exception {
		String email = unique("stays");
		imported(HEADER + confirmedRow(email), "");

		JsonNode answer = imported("email\n" + email + "\n", "update=overwrite&rows=all");

		assertThat(outcomes(answer)).containsExactly("2:unchanged");
		assertThat(membership(email, "supporters")).isEqualTo("CONFIRMED");
	}

	@Test
	void aPendingMembershipIsConfirmedByAFileWithConfirmationEvidence() throws Exception {
		String email = unique("upgrade");
		imported("email\n" + email + "\n", "");

		JsonNode answer = imported(HEADER + confirmedRow(email), "rows=all");

		assertThat(outcomes(answer)).containsExactly("2:updated");
		assertThat(membership(email, "supporters")).isEqualTo("CONFIRMED");
	}

	private String details(String email) {
		return jdbc.sql("SELECT first_name, zip FROM subscribers WHERE email_key = :key")
			.param("key", email.toLowerCase())
			.query((rs, row) -> rs.getString(1) + "|" + rs.getString(2))
			.single();
	}

}

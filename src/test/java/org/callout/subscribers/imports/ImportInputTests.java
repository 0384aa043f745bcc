package org.callout.subscribers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an import file may be, and how a file or a row that is wrong is refused (RFC 9457 problem details). */
abstract class ImportInputTests extends ImportSupport {

	private void assertRefusedWhole(HttpResponse<String> answer, int status, String detailPart) throws Exception {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(json.readTree(answer.body()).get("detail").asString()).contains(detailPart);
	}

	private long imports() {
		return count("SELECT COUNT(*) FROM subscriber_imports");
	}

	@Test
	void aBodyThatIsNotCsvIsRefusedAs415() throws Exception {
		assertRefusedWhole(importBytes("{\"email\":\"a@example.org\"}".getBytes(), "application/json", ""), 415, "text/csv");
	}

	@Test
	void binaryContentIsRefusedAndNothingIsWritten() throws Exception {
		long before = imports();
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 'e', 'm', 'a', 'i', 'l' };

		assertRefusedWhole(importBytes(zip, "text/csv", ""), 400, "binary");
		assertThat(imports()).isEqualTo(before);
	}

	@Test
	void aFileWithoutAnEmailColumnIsRefused() throws Exception {
		assertRefusedWhole(importCsv("name,zip\nAna,10004\n", ""), 400, "no 'email' column");
	}

	@Test
	void anEmptyFileIsRefused() throws Exception {
		assertRefusedWhole(importCsv("", ""), 400, "empty");
	}

	@Test
	void aHeaderWithoutRowsIsRefused() throws Exception {
		assertRefusedWhole(importCsv("email,first_name\r\n", ""), 400, "no rows");
	}

	@Test
	void aFileOverTheLimitIsRefusedWith413() throws Exception {
		byte[] big = new byte[2 * 1024 * 1024 + 10];
		Arrays.fill(big, (byte) 'a');
		System.arraycopy("email\n".getBytes(), 0, big, 0, 6);

		assertRefusedWhole(importBytes(big, "text/csv", ""), 413, "limited to");
	}

	@Test
	void aStreamedFileOverTheLimitIsRefusedWith413WhileItIsRead() throws Exception {
		StringBuilder rows = new StringBuilder("email\n");
		while (rows.length() < 2 * 1024 * 1024 + 10) {
			rows.append("someone-").append(rows.length()).append("@example.org\n");
		}
		byte[] body = rows.toString().getBytes(StandardCharsets.UTF_8);
		// No Content-Length: sent in chunks of a stream, so the limit can only be found out while reading.
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/imports"))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
			.build();

		assertRefusedWhole(http.send(request, HttpResponse.BodyHandlers.ofString()), 413, "limited to");
	}

	@Test
	void brokenUtf8RefusesTheFileNamingTheLineAndByte() throws Exception {
		byte[] head = ("email,first_name\n" + unique("ok") + ",Ana\n" + unique("bad") + ",Jos").getBytes(StandardCharsets.UTF_8);
		byte[] body = Arrays.copyOf(head, head.length + 2);
		body[head.length] = (byte) 0xC3; // The first byte of "é", then a newline where its second byte should be.
		body[head.length + 1] = '\n';

		assertRefusedWhole(importBytes(body, "text/csv", ""), 400, "not valid UTF-8: line 3, byte " + head.length + ".");
	}

	@Test
	void aQuoteLeftOpenRefusesTheFile() throws Exception {
		assertRefusedWhole(importCsv("email,first_name\n" + unique("q") + ",\"Ana\n", ""), 400, "not valid CSV");
	}

	@Test
	void duplicateAddressesKeepTheFirstRowEvenWhenTheyDifferOnlyInCase() throws Exception {
		String email = unique("Dup");

		JsonNode answer = imported("email,first_name\n" + email + ",First\n" + email.toLowerCase() + ",Second\n", "");

		assertThat(outcomes(answer)).containsExactly("3:refused:duplicate of row 2");
		assertThat(jdbc.sql("SELECT first_name FROM subscribers WHERE email_key = :k").param("k", email.toLowerCase())
			.query(String.class).single()).isEqualTo("First");
	}

	@Test
	void aRowInErrorIsRefusedNamingItsColumnAndTheOthersAreImported() throws Exception {
		String good = unique("good");
		String csv = "email,zip,language,lists,consented_at\n" + "nobody-at-example.org,,,,\n" + unique("zip") + ",1000,,,\n"
				+ unique("lang") + ",,tlh,,\n" + unique("list") + ",,,no-such-list,\n" + unique("date") + ",,,,yesterday\n"
				+ unique("future") + ",,,,2999-01-01\n" + good + ",10004,es,,\n";

		JsonNode answer = imported(csv, "");

		assertThat(answer.get("rows")).extracting(r -> r.get("row").asInt() + ":" + r.get("column").asString())
			.containsExactly("2:email", "3:zip", "4:language", "5:lists", "6:consented_at", "7:consented_at");
		assertThat(counts(answer).get("new").asInt()).isEqualTo(1);
		assertThat(membership(good, "supporters")).isEqualTo("UNCONFIRMED");
	}

	@Test
	void crlfLinesAndQuotedFieldsWithCommasQuotesAndLineBreaksAreRead() throws Exception {
		String email = unique("quoted");

		imported("email,first_name,street_address\r\n" + email + ",\"Ana, \"\"la jefa\"\"\",\"125 Broad St\r\nFloor 19\"\r\n", "");

		assertThat(jdbc.sql("SELECT first_name || '|' || street_address FROM subscribers WHERE email_key = :k")
			.param("k", email.toLowerCase()).query(String.class).single()).isEqualTo("Ana, \"la jefa\"|125 Broad St Floor 19");
	}

	@Test
	void htmlTemplateSyntaxFormulasAndUnicodeInNamesAreKeptAsTyped() throws Exception {
		String email = unique("typed");

		imported("email,first_name,last_name\n" + email + ",<b>{{name}}</b> 👩🏽‍⚖️,=HYPERLINK(\"http://x\")\n", "");

		assertThat(jdbc.sql("SELECT first_name || '|' || last_name FROM subscribers WHERE email_key = :k")
			.param("k", email.toLowerCase()).query(String.class).single()).isEqualTo("<b>{{name}}</b> 👩🏽‍⚖️|=HYPERLINK(\"http://x\")");
	}

	@Test
	void namesFollowTheTypedTextRulesCountingCodePoints() throws Exception {
		String fits = unique("fits");
		String tooLong = unique("toolong");
		String hundredEmoji = "😀".repeat(100);

		JsonNode answer = imported("email,first_name\n" + fits + ",\u202Eab\u0007c " + hundredEmoji.substring(0, 180) + "\n"
				+ tooLong + "," + hundredEmoji + "x\n", "");

		assertThat(outcomes(answer)).containsExactly("3:refused:Limited to 100 characters.");
		assertThat(jdbc.sql("SELECT first_name FROM subscribers WHERE email_key = :k").param("k", fits.toLowerCase())
			.query(String.class).single()).isEqualTo("ab c " + "😀".repeat(90));
	}

	@Test
	void unknownColumnsAreReportedOnceAndIgnored() throws Exception {
		JsonNode answer = imported("Email,Favourite_Colour,ZIP,favourite_colour\n" + unique("cols") + ",blue,10004,red\n", "");

		assertThat(answer.get("unknownColumns")).extracting(JsonNode::asString).containsExactly("Favourite_Colour");
		assertThat(counts(answer).get("new").asInt()).isEqualTo(1);
	}

	@Test
	void aMultipartFileIsImportedLikeACsvBody() throws Exception {
		String email = unique("multipart");
		String boundary = "----callout-test-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nemail,first_name\r\n" + email + ",Ana\r\n--" + boundary + "--\r\n";

		HttpResponse<String> answer = importBytes(body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary, "");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		assertThat(membership(email, "supporters")).isEqualTo("UNCONFIRMED");
	}

	@Test
	void anUnknownUpdateModeOrListIsRefusedBeforeTheFileIsRead() throws Exception {
		assertRefusedWhole(importCsv("email\n" + unique("x") + "\n", "update=sometimes"), 400, "Some fields need attention.");
		assertRefusedWhole(importCsv("email\n" + unique("y") + "\n", "list=no-such-list"), 400, "Some fields need attention.");
	}

	@Test
	void theImportApiNeedsTheOrganizerToken() throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/imports"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString("email\n" + unique("anon") + "\n"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
	}

}

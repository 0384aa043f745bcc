package org.callout.subscribers.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.callout.signup.SignupFlowSupport;

/** A running Callout whose organizer export the tests download and read back as CSV. */
abstract class SubscriberExportSupport extends SignupFlowSupport {

	static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

	HttpResponse<String> export(String query) throws IOException, InterruptedException {
		return admin("/api/v1/subscribers/export" + query);
	}

	List<CSVRecord> rows(HttpResponse<String> export) throws IOException {
		assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
		try (CSVParser parser = CSVParser.parse(new StringReader(export.body()), READ)) {
			return parser.getRecords();
		}
	}

	Optional<CSVRecord> rowOf(String address, List<CSVRecord> rows) {
		return rows.stream().filter(row -> row.get("email").equalsIgnoreCase(address)).findFirst();
	}

	/** Signs up through the public API with this first name and ZIP 12207 (Albany: Senate 46, Assembly 109), and confirms. */
	void signUpAndConfirm(String address, String firstName, String lang) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>(json.readValue(signupJson(address, lang, null), Map.class));
		body.put("firstName", firstName);
		body.put("zip", "12207");
		HttpResponse<String> signup = postJson("/api/v1/signups", json.writeValueAsString(body), Map.of());
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
		assertThat(pressButton(link(awaitEmailTo(address), "confirm")).statusCode()).isEqualTo(200);
	}

	HttpResponse<String> withoutToken(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}

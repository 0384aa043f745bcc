package org.callout.legislators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.callout.support.H2Database;
import org.callout.support.SharedData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The directory and district lookup through the organizer API, on a fresh start with the bundled data. */
@H2Database
class LegislatorsApiTests extends LegislatorFlowSupport {

	@Test
	void aFreshStartWithNoNetworkAlreadyKnowsNewYorks213Legislators() throws Exception {
		assertThat(adminJson("/api/v1/legislators")).hasSize(213);
		assertThat(adminJson("/api/v1/legislators?chamber=upper")).hasSize(63);
		JsonNode salazar = adminJson("/api/v1/legislators?chamber=upper&district=18").get(0);
		assertThat(salazar.get("name").asString()).isEqualTo("Julia Salazar");
		assertThat(salazar.get("party").asString()).isEqualTo("Democratic/Working Families");
		assertThat(salazar.get("chamber").asString()).isEqualTo("upper");
		assertThat(salazar.get("sourceVersion").asString()).contains("934bf09a");
		assertThat(adminJson("/api/v1/legislators/" + salazar.get("id").asLong()).get("openstatesId").asString())
			.isEqualTo("ocd-person/6c410f28-9316-45db-935d-52764c90b4ae");
		assertThat(adminJson("/api/v1/legislators?chamber=lower&district=87").get(0).get("name").asString()).isEqualTo("Karines Reyes");
		assertThat(adminJson("/api/v1/legislators?q=salaz")).hasSize(1);
	}

	@Test
	void anUnknownLegislatorIsANotFoundProblemAndTheApiNeedsTheToken() throws Exception {
		HttpResponse<String> missing = admin("/api/v1/legislators/987654");

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat(get(base() + "/api/v1/legislators").statusCode()).isEqualTo(401);
		assertThat(admin("/api/v1/legislators?chamber=middle").statusCode()).isEqualTo(400);
	}

	@Test
	void aZipLookupAnswersWithSourceConfidenceAlternativesAndTheTwoLegislators() throws Exception {
		JsonNode albany = adminJson("/api/v1/districts?zip=12207");
		assertThat(albany.get("source").asString()).isEqualTo("zip");
		assertThat(albany.get("confidence").asString()).isEqualTo("exact");
		assertThat(albany.get("senate").get("district").asString()).isEqualTo("46");
		assertThat(albany.get("assembly").get("district").asString()).isEqualTo("109");
		assertThat(albany.get("senate").get("legislator").get("name").asString()).isNotBlank();

		JsonNode split = adminJson("/api/v1/districts?zip=10004-1234");
		assertThat(split.get("confidence").asString()).isEqualTo("ambiguous");
		assertThat(split.get("senate").get("district").isNull()).isTrue();
		assertThat(split.get("senate").get("candidates").findValuesAsString("district")).containsExactly("26", "27");
		assertThat(split.get("assembly").get("candidates").findValuesAsString("district")).containsExactly("61", "65");

		assertThat(adminJson("/api/v1/districts?zip=90210").get("confidence").asString()).isEqualTo("outside-ny");
	}

	@Test
	void badLookupInputIsRefusedWithAProblemDetailNamingTheField() throws Exception {
		for (String zip : new String[] { "abcde", "1000", "100044", "", "10004-12" }) {
			HttpResponse<String> refused = admin("/api/v1/districts?zip=" + zip);
			assertThat(refused.statusCode()).as(zip).isEqualTo(400);
			assertThat(refused.body()).contains("\"field\":\"zip\"");
		}
		HttpResponse<String> empty = admin("/api/v1/districts?zip=10004&address=");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("\"field\":\"address\"");
		HttpResponse<String> huge = admin("/api/v1/districts?zip=10004&address=" + "1".repeat(10 * 1024));
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(huge.body()).contains("\"field\":\"address\"");
	}

	@Test
	void hostileAddressTextIsOnlyEverTreatedAsText() throws Exception {
		String hostile = "1 Main St\r\nBcc: victim@example.org <script>alert(1)</script> {{7*7}} ${7*7} [[${7*7}]] 🗽 \u202Eevil";

		HttpResponse<String> api = admin("/api/v1/districts?zip=12207&address=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
		HttpResponse<String> page = get(base() + "/reps?zip=12207&address=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));

		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(json.readTree(api.body()).get("confidence").asString()).isEqualTo("exact");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("49").contains("&lt;script&gt;");
	}

	@Test
	void anImportCannotReadAFileOutsideTheImportDirectoriesNorEchoWhatItHolds() throws Exception {
		for (String source : new String[] { "/proc/self/environ", "/etc/passwd", "../shared/data/../../../../etc/hostname" }) {
			HttpResponse<String> refused = adminSend("POST", "/api/v1/legislators/imports",
					"{\"source\":\"" + source + "\",\"format\":\"csv\",\"mode\":\"partial\"}");

			assertThat(refused.statusCode()).as(source).isBetween(400, 499);
			assertThat(refused.body()).as(source).doesNotContain("PATH=", "root:", "CALLOUT_");
		}
	}

	@Test
	void anImportUrlWithAUserPartPlainHttpElsewhereOrARedirectIsRefused() throws Exception {
		for (String source : new String[] { "http://localhost:@169.254.169.254/latest/meta-data", "http://169.254.169.254/x.csv",
				"https://user:secret@example.org/x.csv", "file:///etc/passwd", "ftp://example.org/x.csv" }) {
			HttpResponse<String> refused = adminSend("POST", "/api/v1/legislators/imports",
					"{\"source\":\"" + source + "\",\"format\":\"csv\",\"mode\":\"partial\"}");

			assertThat(refused.statusCode()).as(source).isBetween(400, 499);
			assertThat(refused.body()).as(source).contains("https");
		}
		try (LocalHttp redirecting = new LocalHttp(exchange -> {
			exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		})) {
			HttpResponse<String> redirected = adminSend("POST", "/api/v1/legislators/imports",
					"{\"source\":\"" + redirecting.url() + "/people.csv\",\"format\":\"csv\",\"mode\":\"partial\"}");

			assertThat(redirected.statusCode()).isBetween(400, 499);
			assertThat(redirected.body()).contains("HTTP 302");
		}
	}

	@Test
	void anImportThroughTheApiAnswersItsReportAndAFailedUrlLeavesTheDirectoryUntouched() throws Exception {
		Path csv = SharedData.file("ny-legislators.csv");

		HttpResponse<String> dry = adminSend("POST", "/api/v1/legislators/imports",
				"{\"source\":\"" + csv + "\",\"format\":\"csv\",\"mode\":\"full\",\"dryRun\":true}");
		HttpResponse<String> failed = adminSend("POST", "/api/v1/legislators/imports",
				"{\"source\":\"http://127.0.0.1:1/people.csv\",\"format\":\"csv\",\"mode\":\"full\"}");
		HttpResponse<String> badFormat = adminSend("POST", "/api/v1/legislators/imports", "{\"source\":\"" + csv + "\",\"format\":\"xml\"}");

		assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
		JsonNode report = json.readTree(dry.body());
		assertThat(report.get("dryRun").asBoolean()).isTrue();
		assertThat(report.get("records").asInt()).isEqualTo(213);
		assertThat(report.get("added").asInt()).isZero();
		assertThat(report.get("retired").asInt()).isZero();
		// The same 213 people in the other format (the bundle is YAML): nothing would change.
		assertThat(report.get("changed").asInt()).isZero();
		assertThat(report.get("unchanged").asInt()).isEqualTo(213);
		assertThat(failed.statusCode()).as(failed.body()).isEqualTo(422);
		assertThat(failed.body()).contains("could not download");
		assertThat(badFormat.statusCode()).isEqualTo(400);
		assertThat(adminJson("/api/v1/legislators")).hasSize(213);
	}


	@Test
	void theZipTableAndLegislatorsCanBeImportedFromAUrl() throws Exception {
		Path senate = SharedData.file("ny-zcta-senate-districts.txt");
		Path csv = SharedData.file("ny-legislators.csv");
		HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		files.createContext("/people.csv", exchange -> {
			byte[] body = Files.readAllBytes(csv);
			exchange.getResponseHeaders().set("Last-Modified", "Wed, 05 Aug 2026 00:00:00 GMT");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		files.start();
		try {
			String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/people.csv";
			HttpResponse<String> people = adminSend("POST", "/api/v1/legislators/imports",
					"{\"source\":\"" + url + "\",\"format\":\"csv\",\"mode\":\"partial\",\"dryRun\":true}");
			HttpResponse<String> zips = adminSend("POST", "/api/v1/districts/zip-table/imports", "{\"source\":\"" + senate + "\"}");

			assertThat(people.statusCode()).as(people.body()).isEqualTo(200);
			assertThat(json.readTree(people.body()).get("records").asInt()).isEqualTo(213);
			assertThat(zips.statusCode()).as(zips.body()).isEqualTo(200);
			JsonNode report = json.readTree(zips.body());
			assertThat(report.get("chamber").asString()).isEqualTo("upper");
			assertThat(report.get("pairs").asInt()).isEqualTo(2374);
			assertThat(adminJson("/api/v1/districts?zip=12207").get("senate").get("district").asString()).isEqualTo("46");
		}
		finally {
			files.stop(0);
		}
	}


	@Test
	void withLandSharesThePageAndTheApiGiveTheLargestShareAsTheBestGuessWithTheOthers() throws Exception {
		Path census = Files.createTempFile("census-sldu", ".txt");
		Files.writeString(census, "\uFEFFGEOID_SLDU2024_20|NAMELSAD_SLDU2024_20|GEOID_ZCTA5_20|AREALAND_ZCTA5_20|AREALAND_PART\n"
				+ "36026|State Senate District 26|10004|1000|300\n36027|State Senate District 27|10004|1000|700\n");
		try {
			assertThat(adminSend("POST", "/api/v1/districts/zip-table/imports", "{\"source\":\"" + census + "\"}").statusCode()).isEqualTo(200);

			JsonNode answer = adminJson("/api/v1/districts?zip=10004");
			HttpResponse<String> page = get(base() + "/reps?zip=10004&lang=en");

			assertThat(answer.get("senate").get("district").asString()).isEqualTo("27");
			assertThat(answer.get("senate").get("candidates").get(0).get("landShare").asDouble()).isEqualTo(0.7);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Most likely (70% of the ZIP code&#39;s land)", "Brian Kavanagh", "Or (30%", "Andrew Gounardes");
		}
		finally {
			Path senate = SharedData.file("ny-zcta-senate-districts.txt");
			assertThat(adminSend("POST", "/api/v1/districts/zip-table/imports", "{\"source\":\"" + senate + "\"}").statusCode()).isEqualTo(200);
			Files.delete(census);
		}
	}

}

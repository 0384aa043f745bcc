package org.callout.legislators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.callout.support.H2Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signups with a street address and the geocoder on, against a local server answering in the Census shape:
 * a slow geocoder never holds a confirmation, a failing one falls back to the ZIP table and is retried.
 */
@H2Database
class GeocodedSignupTests extends LegislatorFlowSupport {

	static final String MATCH = """
			{"result":{"addressMatches":[{"matchedAddress":"125 BROAD ST, NEW YORK, NY, 10004","geographies":{
			 "2024 State Legislative Districts - Upper":[{"GEOID":"36026","SLDU":"026","BASENAME":"26"}],
			 "2024 State Legislative Districts - Lower":[{"GEOID":"36061","SLDL":"061","BASENAME":"61"}]}}]}}""";

	static final HttpServer GEOCODER = start();

	static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

	static final CountDownLatch RELEASE_STALLED = new CountDownLatch(1);

	static final AtomicInteger STALLED_ANSWERED = new AtomicInteger();

	static volatile boolean brokenIsFixed;

	static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();

	@DynamicPropertySource
	static void geocoder(DynamicPropertyRegistry registry) {
		registry.add("callout.legislators.geocoder.enabled", () -> "true");
		registry.add("callout.legislators.geocoder.base-url", () -> "http://127.0.0.1:" + GEOCODER.getAddress().getPort());
		registry.add("callout.legislators.geocoder.request-timeout", () -> "30s");
		// The rate cap has tests of its own; here one test's retry must not push the next one's lookup over it.
		registry.add("callout.legislators.geocoder.requests-per-second", () -> "1000");
		registry.add("callout.legislators.geocoder.retry-backoff", () -> "1m");
		registry.add("callout.legislators.retry-interval", () -> "500ms");
	}

	@AfterAll
	static void stop() {
		RELEASE_SLOW.countDown();
		RELEASE_STALLED.countDown();
		GEOCODER.stop(0);
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/geocoder/geographies/onelineaddress", GeocodedSignupTests::answer);
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
		String street = query.substring(query.indexOf("address=") + 8, query.indexOf(','));
		REQUESTS.computeIfAbsent(street, s -> new AtomicInteger()).incrementAndGet();
		int status = 200;
		if (street.contains("Slow")) {
			try {
				RELEASE_SLOW.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (street.contains("Stall")) {
			try {
				RELEASE_STALLED.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (street.contains("Broken") && !brokenIsFixed || street.contains("Down")) {
			status = 500;
		}
		byte[] body = (status == 200 ? MATCH : "Internal Server Error").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
		if (street.contains("Stall")) {
			STALLED_ANSWERED.incrementAndGet();
		}
	}

	@Test
	void districtsAnOrganizerSetsWhileASlowLookupIsUnderWayAreNotOverwrittenByIt() throws Exception {
		long id = signUpAndConfirm(unique("stall"), "10004", "7 Stall Street");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> REQUESTS.containsKey("7 Stall Street"));

		HttpResponse<String> set = adminSend("PUT", "/api/v1/subscribers/" + id + "/districts",
				"{\"senateDistrict\":\"5\",\"assemblyDistrict\":\"70\"}");
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		RELEASE_STALLED.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> STALLED_ANSWERED.get() == 1);

		Awaitility.await("organizer districts kept").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
			.until(() -> "organizer".equals(districts(id).get("source").asString()));
		assertThat(districts(id).get("senate").get("district").asString()).isEqualTo("5");
	}

	@Test
	void aSlowGeocoderNeverHoldsTheConfirmationAndItsAnswerArrivesAfterwards() throws Exception {
		String email = unique("slow");
		long id = signUpAndConfirm(email, "10004", "125 Slow Street");

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> REQUESTS.containsKey("125 Slow Street"));
		assertThat(admin("/api/v1/subscribers/" + id + "/districts").statusCode()).isEqualTo(404);
		RELEASE_SLOW.countDown();

		JsonNode districts = awaitDistricts(id);
		assertThat(districts.get("source").asString()).isEqualTo("geocoder");
		assertThat(districts.get("confidence").asString()).isEqualTo("exact");
		assertThat(districts.get("senate").get("district").asString()).isEqualTo("26");
		assertThat(districts.get("assembly").get("district").asString()).isEqualTo("61");
	}

	@Test
	void aFailingGeocoderFallsBackToTheZipTableAndIsRetriedLaterWithBackoff() throws Exception {
		long id = signUpAndConfirm(unique("broken"), "10004", "1 Broken Street");

		JsonNode fallback = awaitDistricts(id);
		assertThat(fallback.get("source").asString()).isEqualTo("zip");
		assertThat(fallback.get("confidence").asString()).isEqualTo("ambiguous");
		assertThat(fallback.get("note").asString()).isEqualTo("geocoder: HTTP 500");
		assertThat(count("SELECT attempts FROM representations WHERE subscriber_id = " + id)).isEqualTo(1);
		int asked = REQUESTS.get("1 Broken Street").get();

		brokenIsFixed = true;
		clock.advance(Duration.ofMinutes(2));

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> districts(id).get("source").asString().equals("geocoder"));
		assertThat(REQUESTS.get("1 Broken Street").get()).isEqualTo(asked + 1);
		assertThat(count("SELECT COUNT(*) FROM representations WHERE retry_at IS NOT NULL AND subscriber_id = " + id)).isZero();
	}


	@Test
	void thePublicPageSaysWhenTheGeocoderIsDownAndAnswersFromTheZipCode() throws Exception {
		var page = get(base() + "/reps?lang=en&zip=10004&address=9+Down+Street");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("We could not check your street address just now", "Andrew Gounardes", "Brian Kavanagh");
		assertThat(REQUESTS.get("9 Down Street").get()).isEqualTo(1);
	}

}

package org.callout.legislators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.callout.legislators.AnswerSource;
import org.callout.legislators.Confidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Census geocoder client against a real local HTTP server answering in the documented shapes. */
class CensusGeocoderTests {

	static final String MATCH = """
			{"result":{"input":{},"addressMatches":[{"matchedAddress":"125 BROAD ST, NEW YORK, NY, 10004",
			 "coordinates":{"x":-74.01,"y":40.70},
			 "geographies":{"Counties":[{"GEOID":"36061","NAME":"New York County"}],
			  "%d State Legislative Districts - Upper":[{"GEOID":"36026","SLDU":"026","BASENAME":"26","NAME":"State Senate District 26"}],
			  "%d State Legislative Districts - Lower":[{"GEOID":"36061","SLDL":"061","BASENAME":"61","NAME":"Assembly District 61"}]}}]}}""";

	private HttpServer server;

	private final Queue<String> queries = new ConcurrentLinkedQueue<>();

	private volatile int status = 200;

	private volatile String body = "";

	private final CountDownLatch release = new CountDownLatch(1);

	private volatile boolean slow;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/geocoder/geographies/onelineaddress", this::answer);
		server.start();
	}

	@AfterEach
	void stopServer() {
		release.countDown();
		server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		queries.add(exchange.getRequestURI().getRawQuery());
		if (slow) {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private CensusGeocoder geocoder(double perSecond) {
		var settings = new LegislatorsProperties.Geocoder(true, "http://127.0.0.1:" + server.getAddress().getPort(),
				Duration.ofSeconds(2), Duration.ofMillis(500), perSecond, null, null);
		return new CensusGeocoder(new LegislatorsProperties(false, null, null, null, null, settings), JsonMapper.builder().build());
	}

	@Test
	void aMatchGivesBothDistrictsExactlyWhateverTheLayersVintageYear() {
		body = MATCH.formatted(2026, 2026);

		DistrictFinder.Result result = geocoder(100).find("10004", "125 Broad Street");

		assertThat(result.answer().source()).isEqualTo(AnswerSource.GEOCODER);
		assertThat(result.answer().confidence()).isEqualTo(Confidence.EXACT);
		assertThat(result.answer().senate().district()).isEqualTo("26");
		assertThat(result.answer().assembly().district()).isEqualTo("61");
		assertThat(queries.peek()).contains("address=125+Broad+Street%2C+10004", "layers=all", "format=json");
	}

	@Test
	void noAddressMatchIsNoAnswerAndNotRetried() {
		body = "{\"result\":{\"input\":{},\"addressMatches\":[]}}";

		DistrictFinder.Result result = geocoder(100).find("10004", "1 Nowhere Lane");

		assertThat(result.answer()).isNull();
		assertThat(result.retry()).isFalse();
		assertThat(result.note()).contains("no match");
	}

	@Test
	void aFailedLayerIsAFailureToRetry() {
		body = MATCH.formatted(2024, 2024).replace(
				"[{\"GEOID\":\"36061\",\"SLDL\":\"061\",\"BASENAME\":\"61\",\"NAME\":\"Assembly District 61\"}]",
				"[{\"status\":\"Layer query encountered an error: java.lang.Exception: timeout\"}]");

		DistrictFinder.Result result = geocoder(100).find("10004", "125 Broad Street");

		assertThat(result.answer()).isNull();
		assertThat(result.retry()).isTrue();
		assertThat(result.note()).contains("Lower");
	}

	@Test
	void aServerErrorIsAFailureToRetry() {
		status = 500;
		body = "<html>Internal Server Error</html>";

		DistrictFinder.Result result = geocoder(100).find("10004", "125 Broad Street");

		assertThat(result.answer()).isNull();
		assertThat(result.retry()).isTrue();
		assertThat(result.note()).isEqualTo("geocoder: HTTP 500");
	}

	@Test
	void aSlowAnswerTimesOutInsteadOfHoldingTheLookup() {
		slow = true;
		body = MATCH.formatted(2024, 2024);
		long started = System.nanoTime();

		DistrictFinder.Result result = geocoder(100).find("10004", "125 Broad Street");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(result.retry()).isTrue();
		assertThat(result.note()).contains("timed out");
	}

	@Test
	void malformedJsonIsAFailureToRetry() {
		body = "{\"result\": {\"addressMatches\": [";

		DistrictFinder.Result result = geocoder(100).find("10004", "125 Broad Street");

		assertThat(result.retry()).isTrue();
		assertThat(result.note()).contains("malformed");
	}

	@Test
	void anAddressOutsideNewYorkIsSaidToBe() {
		body = MATCH.formatted(2024, 2024).replace("\"36026\"", "\"06026\"").replace("\"36061\",\"SLDL\"", "\"06061\",\"SLDL\"");

		DistrictFinder.Result result = geocoder(100).find("06001", "1 Main Street");

		assertThat(result.answer().confidence()).isEqualTo(Confidence.OUTSIDE_NY);
	}

	@Test
	void overTheRateCapTheGeocoderIsNotAskedAndTheLookupIsRetriedLater() {
		body = MATCH.formatted(2024, 2024);
		CensusGeocoder geocoder = geocoder(0.5);

		DistrictFinder.Result first = geocoder.find("10004", "125 Broad Street");
		DistrictFinder.Result second = geocoder.find("10004", "125 Broad Street");

		assertThat(first.answer()).isNotNull();
		assertThat(second.retry()).isTrue();
		assertThat(second.note()).contains("rate");
		assertThat(queries).hasSize(1);
	}

	@Test
	void justOverTheRateCapALookupWaitsForTheNextSlotInsteadOfBeingRefused() {
		body = MATCH.formatted(2024, 2024);
		CensusGeocoder geocoder = geocoder(4);

		for (int i = 0; i < 3; i++) {
			assertThat(geocoder.find("10004", "125 Broad Street").answer()).as("lookup %d", i).isNotNull();
		}
		assertThat(queries).hasSize(3);
	}

	@Test
	void withoutAStreetAddressOrWhenDisabledTheGeocoderIsNotAsked() {
		body = MATCH.formatted(2024, 2024);

		assertThat(geocoder(100).find("10004", null).answer()).isNull();
		var off = new LegislatorsProperties(false, null, null, null, null, null);
		assertThat(new CensusGeocoder(off, JsonMapper.builder().build()).find("10004", "125 Broad Street").answer()).isNull();
		assertThat(queries).isEmpty();
	}

}

package org.callout.legislators.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callout.legislators.AnswerSource;
import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The U.S. Census geocoder's one-line address lookup, with every layer. The legislative layers' names carry a
 * vintage year that changes ("2024 State Legislative Districts - Upper"), so they are matched by pattern. A
 * failed layer, a timeout, an HTTP error or a body that is not the documented JSON is a failure (retried
 * later, the ZIP table answers for now); no address match is an answer of its own kind: nothing to retry.
 */
@Component
@Order(100)
class CensusGeocoder implements DistrictFinder {

	private static final Logger log = LoggerFactory.getLogger(CensusGeocoder.class);

	private static final Pattern LAYER = Pattern.compile("State Legislative Districts - (Upper|Lower)$");

	private final LegislatorsProperties.Geocoder settings;

	private final JsonMapper json;

	// Lookups run after commit, off the request thread, and /reps answers within about this much more.
	private static final Duration GATE_WAIT = Duration.ofSeconds(1);

	private final RateGate gate;

	private final HttpClient http;

	CensusGeocoder(LegislatorsProperties properties, JsonMapper json) {
		this.settings = properties.geocoder();
		this.json = json;
		this.gate = new RateGate(settings.requestsPerSecond());
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
	}

	@Override
	public Result find(String zip, String street) {
		if (!settings.enabled() || street == null) {
			return Result.noAnswer(null);
		}
		if (!gate.acquire(GATE_WAIT)) {
			return Result.failed("geocoder: over the request-rate cap");
		}
		String address = street + ", " + zip;
		URI uri = URI.create(settings.baseUrl() + "/geocoder/geographies/onelineaddress?address="
				+ URLEncoder.encode(address, StandardCharsets.UTF_8)
				+ "&benchmark=Public_AR_Current&vintage=Current_Current&layers=all&format=json");
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return failed("geocoder: HTTP " + response.statusCode());
			}
			return read(json.readTree(response.body()));
		}
		catch (HttpTimeoutException ex) {
			return failed("geocoder: timed out after " + settings.requestTimeout().toMillis() + " ms");
		}
		catch (JacksonException ex) {
			return failed("geocoder: malformed JSON");
		}
		catch (IOException ex) {
			return failed("geocoder: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed("geocoder: interrupted");
		}
	}

	private Result read(JsonNode body) {
		JsonNode matches = body.path("result").path("addressMatches");
		if (!matches.isArray()) {
			return failed("geocoder: malformed answer (no result.addressMatches)");
		}
		if (matches.isEmpty()) {
			return Result.noAnswer("geocoder: no match for the address");
		}
		Map<String, JsonNode> layers = new HashMap<>();
		for (Map.Entry<String, JsonNode> layer : matches.get(0).path("geographies").properties()) {
			Matcher matcher = LAYER.matcher(layer.getKey());
			if (matcher.find()) {
				layers.put(matcher.group(1), layer.getValue());
			}
		}
		Optional<ChamberAnswer> senate = chamber(Chamber.UPPER, layers.get("Upper"));
		Optional<ChamberAnswer> assembly = chamber(Chamber.LOWER, layers.get("Lower"));
		if (senate.isEmpty() || assembly.isEmpty()) {
			return failed("geocoder: the " + (senate.isEmpty() ? "Upper" : "Lower") + " legislative layer failed or is missing");
		}
		return Result.answered(new DistrictAnswer(AnswerSource.GEOCODER, senate.get(), assembly.get(), null));
	}

	/** A layer is a list of one district; a failed one is [{"status": "..."}]. */
	private static Optional<ChamberAnswer> chamber(Chamber chamber, JsonNode layer) {
		if (layer == null || !layer.isArray() || layer.isEmpty() || layer.get(0).has("status")) {
			return Optional.empty();
		}
		JsonNode district = layer.get(0);
		String geoid = district.path("GEOID").asString("");
		if (!geoid.startsWith("36")) {
			return Optional.of(ChamberAnswer.none(Confidence.OUTSIDE_NY));
		}
		String basename = district.path("BASENAME").asString("");
		String number = basename.isEmpty() ? district.path(chamber == Chamber.UPPER ? "SLDU" : "SLDL").asString("") : basename;
		return RecordChecks.district(chamber, number).map(ChamberAnswer::exact);
	}

	private static Result failed(String note) {
		log.warn("District lookup fell back to the ZIP table: {}", note);
		return Result.failed(note);
	}

}

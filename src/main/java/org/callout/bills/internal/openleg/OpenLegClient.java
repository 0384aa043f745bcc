package org.callout.bills.internal.openleg;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NY Senate Open Legislation API v3, as far as Callout reads it: the bill updates feed filtered to status
 * changes, and single bills. Shapes from its source code (BillGetCtrl, BillUpdatesCtrl, the bill views). Every
 * failure is an {@link OpenLegException} with its kind; nothing here retries.
 */
public class OpenLegClient {

	/** A bill named in the updates feed, with the feed's own reference of the change (its source document). */
	public record Update(String basePrintNo, int session, String sourceId) {
	}

	/** One page of the updates feed. */
	public record UpdatesPage(List<Update> updates, int offsetEnd, int total) {
	}

	private static final int PAGE = 1000;

	private final HttpClient http;

	private final URI baseUrl;

	private final String apiKey;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	public OpenLegClient(URI baseUrl, String apiKey, Duration timeout) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	/** Bills whose status changed in [from, to), one page from {@code offset} (1-based). */
	public UpdatesPage statusUpdates(LocalDateTime from, LocalDateTime to, int offset) {
		JsonNode root = get("/api/3/bills/updates/" + minutes(from) + "/" + minutes(to), "type=processed&filter=STATUS&order=asc&limit="
				+ PAGE + "&offset=" + offset);
		List<Update> updates = new ArrayList<>();
		for (JsonNode item : root.path("result").path("items")) {
			JsonNode id = item.path("id");
			require(id.path("basePrintNo").isString() && id.path("session").isInt(), "an update without a bill id");
			updates.add(new Update(id.path("basePrintNo").asString(), id.path("session").asInt(), item.path("sourceId").asString(null)));
		}
		return new UpdatesPage(updates, root.path("offsetEnd").asInt(0), root.path("total").asInt(0));
	}

	public OpenLegBill bill(int session, String printNo) {
		// no_fulltext: the same bill view without every amendment's full text (megabytes for a budget bill).
		JsonNode result = get("/api/3/bills/" + session + "/" + printNo, "view=no_fulltext").path("result");
		require(result.path("basePrintNo").isString(), "a bill without basePrintNo");
		String active = result.path("printNo").asString(result.path("basePrintNo").asString());
		String version = result.path("activeVersion").asString("");
		JsonNode status = result.path("status");
		require(status.path("statusType").isString(), "a bill without status.statusType");
		JsonNode amendment = result.path("amendments").path("items").path(version);
		List<String> sameAs = new ArrayList<>();
		for (JsonNode same : amendment.path("sameAs").path("items")) {
			sameAs.add(same.path("printNo").asString(same.path("basePrintNo").asString()));
		}
		List<OpenLegBill.Member> sponsors = new ArrayList<>();
		JsonNode sponsor = result.path("sponsor").path("member");
		if (sponsor.isObject()) {
			sponsors.add(member("SPONSOR", sponsor));
		}
		amendment.path("coSponsors").path("items").forEach(m -> sponsors.add(member("COSPONSOR", m)));
		amendment.path("multiSponsors").path("items").forEach(m -> sponsors.add(member("MULTISPONSOR", m)));
		return new OpenLegBill(result.path("basePrintNo").asString(), result.path("session").asInt(session), active,
				result.path("title").asString(null), status.path("statusType").asString(), date(status.path("actionDate")),
				status.path("committeeName").asString(null), sameAs, sponsors);
	}

	private static OpenLegBill.Member member(String role, JsonNode member) {
		return new OpenLegBill.Member(role, member.path("memberId").isInt() ? member.path("memberId").asInt() : null,
				member.path("fullName").asString(null), member.path("shortName").asString(null),
				member.path("districtCode").isInt() ? member.path("districtCode").asInt() : null);
	}

	private JsonNode get(String path, String query) {
		URI uri = baseUrl.resolve(path + "?" + query + "&key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new OpenLegException(OpenLegException.Kind.UNREACHABLE, "Open Legislation did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OpenLegException(OpenLegException.Kind.UNREACHABLE, "Interrupted while calling Open Legislation", ex);
		}
		// The status code first: a proxy's HTML error page is still a 401, 404 or 5xx, not malformed JSON.
		if (response.statusCode() == 401) {
			throw new OpenLegException(OpenLegException.Kind.UNAUTHORIZED, "Open Legislation refused the API key (401)", null);
		}
		if (response.statusCode() == 404) {
			throw new OpenLegException(OpenLegException.Kind.NOT_FOUND, "Open Legislation has no such bill: " + path, null);
		}
		if (response.statusCode() >= 500) {
			throw new OpenLegException(OpenLegException.Kind.SERVER_ERROR, "Open Legislation answered " + response.statusCode(), null);
		}
		JsonNode root = parse(response.body());
		int errorCode = root.path("errorCode").asInt(0);
		if (errorCode == 701) {
			throw new OpenLegException(OpenLegException.Kind.UNAUTHORIZED, "Open Legislation refused the API key: "
					+ root.path("message").asString(""), null);
		}
		if (errorCode == 11) {
			throw new OpenLegException(OpenLegException.Kind.NOT_FOUND, "Open Legislation has no such bill: " + path, null);
		}
		require(response.statusCode() == 200 && root.path("success").asBoolean(false),
				"HTTP " + response.statusCode() + " with success=" + root.path("success"));
		return root;
	}

	private JsonNode parse(String body) {
		try {
			JsonNode root = json.readTree(body);
			require(root != null && root.isObject(), "a body that is not a JSON object");
			return root;
		}
		catch (JacksonException ex) {
			throw new OpenLegException(OpenLegException.Kind.MALFORMED, "Open Legislation sent malformed JSON", ex);
		}
	}

	private static LocalDate date(JsonNode value) {
		try {
			return LocalDate.parse(value.asString());
		}
		catch (DateTimeParseException ex) {
			throw new OpenLegException(OpenLegException.Kind.MALFORMED, "an action date that is not a date: " + value, ex);
		}
	}

	private static void require(boolean condition, String what) {
		if (!condition) {
			throw new OpenLegException(OpenLegException.Kind.MALFORMED, "Open Legislation sent " + what, null);
		}
	}

	/** Open Legislation's date-times, without zone; seconds are not needed for a feed read every few minutes. */
	private static String minutes(LocalDateTime time) {
		return time.truncatedTo(ChronoUnit.MINUTES).toString();
	}

}

package org.callout.legislators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.legislators.internal.RepresentationUpdater;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** Confirmed supporters get their districts (ZIP table only: the geocoder is off by default). */
@H2Database
class SubscriberDistrictsTests extends LegislatorFlowSupport {

	@Autowired
	RepresentationUpdater updater;

	@Test
	void aConfirmedSignupGetsItsDistrictsAndBothLegislators() throws Exception {
		long id = signUpAndConfirm(unique("albany"), "12207", null);

		JsonNode districts = awaitDistricts(id);

		assertThat(districts.get("source").asString()).isEqualTo("zip");
		assertThat(districts.get("confidence").asString()).isEqualTo("exact");
		assertThat(districts.get("senate").get("district").asString()).isEqualTo("46");
		assertThat(districts.get("assembly").get("district").asString()).isEqualTo("109");
		assertThat(districts.get("senate").get("legislator").get("chamber").asString()).isEqualTo("upper");
		assertThat(districts.get("lookedUpAt").isNull()).isFalse();
	}

	@Test
	void anUnconfirmedSignupWhoseZipAStrangerChangesIsNotLookedUp() throws Exception {
		String address = unique("pending");
		String first = signupJson(address, "en", null);
		assertThat(postJson("/api/v1/signups", first, Map.of()).statusCode()).isEqualTo(202);
		long id = subscriberId(address);
		clock.advance(Duration.ofDays(2)); // Past the resend interval: the second signup refreshes the details.
		Map<String, Object> again = new HashMap<>(json.readValue(first, Map.class));
		again.put("zip", "12207");

		assertThat(postJson("/api/v1/signups", json.writeValueAsString(again), Map.of()).statusCode()).isEqualTo(202);

		Awaitility.await().until(() -> confirmedEvents.detailsChanged().stream().anyMatch(e -> e.subscriberId() == id));
		Awaitility.await("no lookup").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> admin("/api/v1/subscribers/" + id + "/districts").statusCode() == 404);
	}

	@Test
	void aSplitZipIsMarkedAmbiguousAndAnOutOfStateZipOutsideNewYork() throws Exception {
		long split = signUpAndConfirm(unique("split"), "10004", null);
		long away = signUpAndConfirm(unique("away"), "90210", null);

		assertThat(awaitDistricts(split).get("confidence").asString()).isEqualTo("ambiguous");
		assertThat(awaitDistricts(split).get("assembly").get("candidates").findValuesAsString("district")).containsExactly("61", "65");
		assertThat(awaitDistricts(away).get("confidence").asString()).isEqualTo("outside-ny");
		JsonNode summary = adminJson("/api/v1/districts/summary");
		assertThat(summary.get("ambiguous").asLong()).isPositive();
		assertThat(summary.get("outside-ny").asLong()).isPositive();
		assertThat(summary.get("total").asLong()).isEqualTo(summary.get("exact").asLong() + summary.get("ambiguous").asLong()
				+ summary.get("unknown").asLong() + summary.get("outside-ny").asLong());
	}

	@Test
	void beforeConfirmationNoDistrictsAreKnown() throws Exception {
		String email = unique("pending");
		long before = count("SELECT COUNT(*) FROM representations");
		signUp(email, "en");
		awaitEmailTo(email);

		assertThat(admin("/api/v1/subscribers/" + subscriberId(email) + "/districts").statusCode()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM representations")).isEqualTo(before);
	}

	@Test
	void aCorrectedZipIsLookedUpAgainAndAnUnchangedOneIsNot() throws Exception {
		long id = signUpAndConfirm(unique("mover"), "12207", null);
		String firstLookup = awaitDistricts(id).get("lookedUpAt").asString();
		clock.advance(Duration.ofMinutes(1));

		assertThat(updater.refresh(id, false)).isEqualTo(RepresentationUpdater.Outcome.UNCHANGED);
		assertThat(districts(id).get("lookedUpAt").asString()).isEqualTo(firstLookup);
		HttpResponse<String> moved = adminSend("PUT", "/api/v1/subscribers/" + id,
				"{\"firstName\":\"Ana\",\"lastName\":\"Pérez\",\"zip\":\"90210\",\"language\":\"en\"}");

		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> districts(id).get("confidence").asString().equals("outside-ny"));
		String secondLookup = districts(id).get("lookedUpAt").asString();
		assertThat(secondLookup).isNotEqualTo(firstLookup);
	}

	@Test
	void organizerSetDistrictsWinUntilCleared() throws Exception {
		long id = signUpAndConfirm(unique("organizer"), "10004", null);
		awaitDistricts(id);

		HttpResponse<String> set = adminSend("PUT", "/api/v1/subscribers/" + id + "/districts",
				"{\"senateDistrict\":\"27\",\"assemblyDistrict\":\"65\"}");

		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		JsonNode organizer = json.readTree(set.body());
		assertThat(organizer.get("source").asString()).isEqualTo("organizer");
		assertThat(organizer.get("confidence").asString()).isEqualTo("exact");
		assertThat(organizer.get("assembly").get("legislator").get("district").asString()).isEqualTo("65");

		JsonNode cleared = json.readTree(adminSend("DELETE", "/api/v1/subscribers/" + id + "/districts", null).body());
		assertThat(cleared.get("source").asString()).isEqualTo("zip");
		assertThat(cleared.get("confidence").asString()).isEqualTo("ambiguous");
	}

	@Test
	void organizerDistrictsAreCheckedAndNeedAnExistingSubscriber() throws Exception {
		long id = signUpAndConfirm(unique("checked"), "12207", null);

		assertThat(adminSend("PUT", "/api/v1/subscribers/" + id + "/districts", "{\"senateDistrict\":\"64\"}").statusCode()).isEqualTo(400);
		assertThat(adminSend("PUT", "/api/v1/subscribers/" + id + "/districts", "{}").statusCode()).isEqualTo(400);
		assertThat(adminSend("PUT", "/api/v1/subscribers/987654/districts", "{\"senateDistrict\":\"1\"}").statusCode()).isEqualTo(404);
		assertThat(adminSend("DELETE", "/api/v1/subscribers/987654/districts", null).statusCode()).isEqualTo(404);
		assertThat(count("SELECT COUNT(*) FROM organizer_districts WHERE subscriber_id = 987654")).isZero();
	}

	@Test
	void aBulkRefreshLooksUpEveryoneUnsureAndReportsItsProgress() throws Exception {
		signUpAndConfirm(unique("bulk"), "10004", null);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM representations WHERE confidence <> 'exact'") > 0);

		HttpResponse<String> started = adminSend("POST", "/api/v1/districts/refreshes", null);

		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		long job = json.readTree(started.body()).get("id").asLong();
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> adminJson("/api/v1/districts/refreshes/" + job).get("status").asString().equals("finished"));
		JsonNode progress = adminJson("/api/v1/districts/refreshes/" + job);
		assertThat(progress.get("total").asInt()).isPositive();
		assertThat(progress.get("done").asInt()).isEqualTo(progress.get("total").asInt());
		assertThat(admin("/api/v1/districts/refreshes/987654").statusCode()).isEqualTo(404);
	}

	@Test
	void aBulkRefreshAlsoLooksUpConfirmedSubscribersNeverLookedUpBefore() throws Exception {
		long id = signUpAndConfirm(unique("before"), "12207", null);
		awaitDistricts(id);
		// As if confirmed before districts were looked up at all.
		jdbc.sql("DELETE FROM representations WHERE subscriber_id = :id").param("id", id).update();

		long job = json.readTree(adminSend("POST", "/api/v1/districts/refreshes", null).body()).get("id").asLong();

		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> adminJson("/api/v1/districts/refreshes/" + job).get("status").asString().equals("finished"));
		assertThat(districts(id).get("senate").get("district").asString()).isEqualTo("46");
	}

}

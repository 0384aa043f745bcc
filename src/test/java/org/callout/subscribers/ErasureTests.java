package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * An erasure through the organizer API, on the database each subclass names: nothing readable of the person is
 * left in any table, the ledger still proves the consent by hash, and the address stays suppressed until the
 * person signs up and confirms again on their own.
 */
abstract class ErasureTests extends ErasureFlowSupport {

	@Autowired
	ConsentLedger ledger;

	@Autowired
	AddressHasher hasher;

	@Autowired
	Suppressions suppressions;

	@Test
	void afterAnErasureNoTextColumnOfAnyTableHoldsTheAddressNamesStreetOrIp() throws Exception {
		Person person = newPerson();
		withEverything(person);
		assertThat(whereFound(person.identifying())).as("before the erasure")
			.contains("subscribers.email: " + person.email(), "consent_events.ip_address: " + person.ip(),
					"deliveries.address: " + person.email(), "consent_events.user_agent: " + person.userAgent(),
					"unsubscribe_link_limit_keys.limit_key: " + person.ip());

		assertThat(erase(person.email().toUpperCase()).statusCode()).isEqualTo(200);

		assertThat(whereFound(person.identifying())).isEmpty();
	}

	@Test
	void afterAnErasureTheLedgerStillShowsTheGrantAndConfirmationWithTheirTermsAndTimesByHash() throws Exception {
		Person person = newPerson();
		confirmed(person);
		String hash = hasher.hash(EmailAddress.parse(person.email()).matchKey());
		List<ConsentHistoryEntry> before = ledger.historyOfAddress(hash);

		erase(person.email());

		List<ConsentHistoryEntry> after = ledger.historyOfAddress(hash);
		assertThat(after).extracting(ConsentHistoryEntry::kind).containsExactly(ConsentKind.GRANTED, ConsentKind.CONFIRMED);
		assertThat(after).extracting(ConsentHistoryEntry::occurredAt).containsExactlyElementsOf(
				before.stream().map(ConsentHistoryEntry::occurredAt).toList());
		assertThat(after).extracting(e -> e.terms().versionId()).containsOnly(terms("en").get("versionId").asString());
		assertThat(after).allSatisfy(entry -> {
			assertThat(entry.ipAddress()).isNull();
			assertThat(entry.userAgent()).isNull();
			assertThat(entry.pageUrl()).isNull();
		});
	}

	@Test
	void anErasureThatFailsPartWayChangesNothingAtAll() throws Exception {
		Person person = newPerson();
		long id = confirmed(person);
		String hash = hasher.hash(EmailAddress.parse(person.email()).matchKey());
		failingPart.failFor.set(hash);
		try {
			assertThat(erase(person.email()).statusCode()).isEqualTo(500);
		}
		finally {
			failingPart.failFor.set(null);
		}

		assertThat(subscriberId(person.email())).isEqualTo(id);
		assertThat(ledger.historyOfAddress(hash)).extracting(ConsentHistoryEntry::ipAddress).contains(person.ip());
		assertThat(count("SELECT COUNT(*) FROM consent_erasures WHERE address_hash = '" + hash + "'")).isZero();
		assertThat(suppressions.isSuppressed(EmailAddress.parse(person.email()))).isFalse();
	}

	@Test
	void anErasureLeavesTheAddressSuppressedAsErasedByTheApi() throws Exception {
		Person person = newPerson();
		confirmed(person);

		erase(person.email());

		assertThat(suppressions.find(EmailAddress.parse(person.email()))).hasValueSatisfying(s -> {
			assertThat(s.reason()).isEqualTo(Suppressions.ERASED);
			assertThat(s.source()).isEqualTo(Suppressions.API);
		});
		assertThat(admin("/api/v1/subscribers?email=" + encode(person.email())).statusCode()).isEqualTo(404);
	}

	@Test
	void aSignupAfterAnErasureIsAFreshSubscriberWithAFreshHistoryThatNoBlastReachesBeforeTheyConfirm() throws Exception {
		Person person = newPerson();
		long erased = confirmed(person);
		erase(person.email());
		confirmed(newPerson()); // Someone the blast below does reach.

		assertThat(signUp(person).statusCode()).isEqualTo(202);
		Awaitility.await("second confirmation").atMost(Duration.ofSeconds(20)).until(() -> emailsTo(person.email()).size() == 2);
		long fresh = subscriberId(person.email());
		long blast = startBlast(null, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(60));

		assertThat(fresh).isNotEqualTo(erased);
		assertThat(ledger.historyOf(fresh)).extracting(ConsentHistoryEntry::kind).containsExactly(ConsentKind.GRANTED);
		assertThat(blastEmailsTo(person.email(), blast)).isEmpty();
		assertThat(deliveries(blast, null)).extracting(d -> d.get("subscriberId").asLong()).doesNotContain(fresh);
		assertThat(suppressions.find(EmailAddress.parse(person.email()))).hasValueSatisfying(
				s -> assertThat(s.reason()).isEqualTo(Suppressions.ERASED));
	}

	@Test
	void thePersonsOwnConfirmationAfterAnErasureLiftsTheErasedSuppression() throws Exception {
		Person person = newPerson();
		confirmed(person);
		erase(person.email());

		long fresh = confirmed(person);

		assertThat(suppressions.isSuppressed(EmailAddress.parse(person.email()))).isFalse();
		assertThat(ledger.historyOf(fresh)).extracting(ConsentHistoryEntry::kind)
			.containsExactly(ConsentKind.GRANTED, ConsentKind.CONFIRMED);
	}

	@Test
	void anErasureKeepsAnEarlierSuppressionWhichTheirNextSignupDoesNotGetPast() throws Exception {
		Person person = newPerson();
		confirmed(person);
		suppressions.suppress(EmailAddress.parse(person.email()), Suppressions.NO_SUCH_USER, "550 5.1.1", "relay");

		erase(person.email());
		assertThat(signUp(person).statusCode()).isEqualTo(202);

		assertThat(suppressions.find(EmailAddress.parse(person.email()))).hasValueSatisfying(
				s -> assertThat(s.reason()).isEqualTo(Suppressions.NO_SUCH_USER));
		assertNothingSentTo(person.email(), 1);
	}

	@Test
	void anErasureClearsTheDetailOfAnEarlierSuppressionWhichMayQuoteTheAddress() throws Exception {
		Person person = newPerson();
		confirmed(person);
		suppressions.suppress(EmailAddress.parse(person.email()), Suppressions.NO_SUCH_USER,
				"550 5.1.1 <" + person.email() + ">: Recipient address rejected", "relay");

		erase(person.email());

		assertThat(suppressions.find(EmailAddress.parse(person.email()))).hasValueSatisfying(s -> {
			assertThat(s.reason()).isEqualTo(Suppressions.NO_SUCH_USER);
			assertThat(s.detail()).isNull();
		});
		assertThat(new TextColumnSearch(jdbc).whereFound(List.of(person.email()))).isEmpty();
	}

	@Test
	void anOrganizerCannotLiftTheSuppressionOfAnErasedAddressWhateverItsReason() throws Exception {
		Person erased = newPerson();
		confirmed(erased);
		erase(erased.email());
		Person bounced = newPerson();
		confirmed(bounced);
		suppressions.suppress(EmailAddress.parse(bounced.email()), Suppressions.NO_SUCH_USER, "550 5.1.1", "relay");
		erase(bounced.email());

		for (Person person : List.of(erased, bounced)) {
			HttpResponse<String> lift = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/suppressions?email=" + encode(person.email())))
				.header("Authorization", "Bearer " + ADMIN).DELETE().build(), HttpResponse.BodyHandlers.ofString());

			assertThat(lift.statusCode()).as(lift.body()).isEqualTo(409);
			assertThat(json.readTree(lift.body()).get("title").asString()).isEqualTo("Erased address");
			assertThat(suppressions.isSuppressed(EmailAddress.parse(person.email()))).isTrue();
		}
	}

	@Test
	void anErasureOfAnAddressCalloutNeverHeldAnswersExactlyAsOneOfAKnownPerson() throws Exception {
		Person known = newPerson();
		confirmed(known);

		HttpResponse<String> ofKnown = erase(known.email());
		HttpResponse<String> ofUnknown = erase(unique("never-here"));

		assertThat(ofUnknown.statusCode()).isEqualTo(ofKnown.statusCode()).isEqualTo(200);
		assertThat(ofUnknown.body()).isEqualTo(ofKnown.body());
		assertThat(json.readTree(ofKnown.body()).get("status").asString()).isEqualTo("erased");
		assertThat(ofUnknown.headers().firstValue("Content-Type")).isEqualTo(ofKnown.headers().firstValue("Content-Type"));
	}

	@Test
	void anErasureOfAnAddressCalloutNeverHeldStillSuppressesItSoNoLaterImportAddsIt() throws Exception {
		String stranger = unique("asked-first");

		erase(stranger);

		assertThat(suppressions.find(EmailAddress.parse(stranger))).hasValueSatisfying(
				s -> assertThat(s.reason()).isEqualTo(Suppressions.ERASED));
		assertThat(suppressions.isSuppressedHash(hasher.hash(EmailAddress.parse(stranger).matchKey()))).isTrue();
	}

	@Test
	void anAccessRequestShowsEverySectionOfAPersonWithEverything() throws Exception {
		Person person = newPerson();
		long id = withEverything(person);

		HttpResponse<String> answer = access(person.email());

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode document = json.readTree(answer.body());
		assertThat(document.get("profile").get("id").asLong()).isEqualTo(id);
		assertThat(document.get("profile").get("email").asString()).isEqualTo(person.email());
		assertThat(document.get("profile").get("streetAddress").asString()).isEqualTo(person.street());
		assertThat(document.get("memberships").get(0).get("status").asString()).isEqualTo("CONFIRMED");
		JsonNode grant = document.get("consentEvents").get(0);
		assertThat(grant.get("kind").asString()).isEqualTo("GRANTED");
		assertThat(grant.get("ipAddress").asString()).isEqualTo(person.ip());
		assertThat(grant.get("userAgent").asString()).isEqualTo(person.userAgent());
		assertThat(grant.get("terms").get("text").asString()).isNotBlank();
		JsonNode districts = document.get("districts").get(0).get("lookedUp");
		assertThat(districts.get("senateDistrict").asString()).isEqualTo("46");
		assertThat(districts.get("source").asString()).isEqualTo("zip");
		assertThat(districts.get("confidence").asString()).isNotBlank();
		JsonNode delivery = document.get("deliveries").get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("SENT");
		assertThat(delivery.get("smtpReply").asString()).startsWith("250");
		assertThat(delivery.get("sentAt").asString()).isNotBlank();
		assertThat(document.get("callReports").get(0).get("outcome").asString()).isEqualTo("TALKED");
		assertThat(document.get("confirmationEmails").get(0).get("sentAt").asString()).isNotBlank();
		assertThat(document.get("freshLinkRequests")).hasSize(1);
		assertThat(document.get("suppression").isNull()).isTrue();
	}

	@Test
	void anAccessRequestAfterAnErasureShowsOnlyTheLedgerEventsWithoutIpAndTheSuppression() throws Exception {
		Person person = newPerson();
		confirmed(person);
		erase(person.email());

		JsonNode document = json.readTree(access(person.email()).body());

		assertThat(document.get("profile").isNull()).isTrue();
		assertThat(document.get("memberships")).isEmpty();
		assertThat(document.get("districts")).isEmpty();
		assertThat(document.get("confirmationEmails")).isEmpty();
		assertThat(document.get("consentEvents")).hasSize(2).allSatisfy(event -> {
			assertThat(event.get("ipAddress").isNull()).isTrue();
			assertThat(event.get("userAgent").isNull()).isTrue();
		});
		assertThat(document.get("suppression").get("reason").asString()).isEqualTo("erased");
	}

	@Test
	void anAccessRequestForAnUnknownAddressAnswersTheSameShapeEmpty() throws Exception {
		Person known = newPerson();
		confirmed(known);

		JsonNode ofKnown = json.readTree(access(known.email()).body());
		HttpResponse<String> answer = access(unique("stranger"));

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode document = json.readTree(answer.body());
		assertThat(document.propertyNames()).containsExactlyElementsOf(ofKnown.propertyNames());
		assertThat(document.get("profile").isNull()).isTrue();
		assertThat(document.get("suppression").isNull()).isTrue();
		List.of("memberships", "consentEvents", "districts", "deliveries", "callReports", "confirmationEmails", "outboxEmails",
				"freshLinkRequests")
			.forEach(section -> assertThat(document.get(section).isArray() && document.get(section).isEmpty()).as(section).isTrue());
	}

	@Test
	void malformedMissingAndHostileInputIsA400ProblemThatRepeatsNothing() throws Exception {
		List<HttpResponse<String>> answers = List.of(
				postJson("/api/v1/subscribers/erasures", "{\"email\": ", organizer()),
				postJson("/api/v1/subscribers/erasures", "", organizer()),
				postJson("/api/v1/subscribers/erasures", "{}", organizer()),
				postJson("/api/v1/subscribers/erasures", "{\"email\":\"a@example.org\\r\\nBcc: eve@example.org\"}", organizer()),
				postJson("/api/v1/subscribers/erasures", "{\"email\":\"<script>alert(1)</script>@example.org\"}", organizer()),
				admin("/api/v1/subscribers/access"),
				admin("/api/v1/subscribers/access?email=" + encode("<b>x</b>")),
				admin("/api/v1/subscribers/access?email=" + encode("a\r\nb@example.org")));

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(answer.body()).doesNotContain("<script>", "<b>", "eve@example.org");
		});
	}

	@Test
	void accessAndErasureNeedTheOrganizerToken() throws Exception {
		Person person = newPerson();
		confirmed(person);

		HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/access?email="
				+ encode(person.email()))).GET().build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> erased = postJson("/api/v1/subscribers/erasures", "{\"email\":\"" + person.email() + "\"}",
				Map.of("Authorization", "Bearer wrong-token"));

		assertThat(read.statusCode()).isEqualTo(401);
		assertThat(erased.statusCode()).isEqualTo(401);
		assertThat(admin("/api/v1/subscribers?email=" + encode(person.email())).statusCode()).isEqualTo(200);
	}

}

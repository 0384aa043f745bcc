package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.callout.platform.LinkSigner;
import org.junit.jupiter.api.Test;

/** The unsubscribe link of campaign emails, end to end over real HTTP, as mail apps, scanners and people use it. */
class UnsubscribeLinkTests extends UnsubscribeFlowSupport {

	@Test
	void aOneClickPostWithoutCookiesUnsubscribesAtOnceWithA200AndNoRedirect() throws Exception {
		Confirmed ana = confirmed(unique("one-click"), "en");

		HttpResponse<String> response = oneClick(path(ana.linkForFirstList()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void aOneClickUnsubscribeAppendsAWithdrawalWithItsSourceIpAndUserAgent() throws Exception {
		Confirmed ana = confirmed(unique("ledger"), "en");

		oneClick(path(ana.linkForFirstList()));

		Map<String, Object> row = jdbc.sql("""
				SELECT kind, source, ip_address, user_agent, list_id, language, terms_version FROM consent_events
				WHERE subscriber_id = :s ORDER BY id DESC LIMIT 1""").param("s", ana.id()).query().singleRow();
		assertThat(row).containsEntry("KIND", "WITHDRAWN")
			.containsEntry("SOURCE", "one-click")
			.containsEntry("IP_ADDRESS", "127.0.0.1")
			.containsEntry("USER_AGENT", "ExampleMail/2.0 (one-click)")
			.containsEntry("LANGUAGE", "en")
			.containsEntry("TERMS_VERSION", null);
		assertThat(((Number) row.get("LIST_ID")).longValue()).isEqualTo(ana.listIds().getFirst());
	}

	@Test
	void aOneClickUnsubscribePublishesSubscriberUnsubscribed() throws Exception {
		Confirmed ana = confirmed(unique("event"), "en");

		oneClick(path(ana.linkForFirstList()));

		assertThat(unsubscribedEvents(ana.id())).singleElement().satisfies(event -> {
			assertThat(event.listId()).isEqualTo(ana.listIds().getFirst());
			assertThat(event.reason()).isEqualTo(SubscriberUnsubscribed.Reason.UNSUBSCRIBED);
			assertThat(event.at()).isEqualTo(clock.instant());
		});
	}

	@Test
	void aMultipartOneClickPostUnsubscribesToo() throws Exception {
		Confirmed ana = confirmed(unique("multipart"), "en");
		String boundary = "----callout-test-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--"
				+ boundary + "--\r\n";

		HttpResponse<String> response = plain.send(HttpRequest.newBuilder(URI.create(base() + path(ana.linkForFirstList())))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("UNSUBSCRIBED");
		assertThat(jdbc.sql("SELECT source FROM consent_events WHERE subscriber_id = :s AND kind = 'WITHDRAWN'")
			.param("s", ana.id()).query(String.class).single()).isEqualTo("one-click");
	}

	@Test
	void getAndHeadTenTimesEachChangeNothing() throws Exception {
		Confirmed ana = confirmed(unique("scanner"), "en", "Tenants");
		String path = path(ana.link(ana.listIds()));
		long ledgerBefore = count("SELECT COUNT(*) FROM consent_events");

		for (int i = 0; i < 10; i++) {
			assertThat(plainGet(path).statusCode()).isEqualTo(200);
			assertThat(plain.send(HttpRequest.newBuilder(URI.create(base() + path)).method("HEAD", HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
		}

		assertThat(ana.listIds()).allSatisfy(list -> assertThat(status(ana.id(), list)).isEqualTo("CONFIRMED"));
		assertThat(count("SELECT COUNT(*) FROM consent_events")).isEqualTo(ledgerBefore);
		assertThat(unsubscribedEvents(ana.id())).isEmpty();
	}

	@Test
	void theTokenPagesAreNeitherCachedNorLeakedThroughReferer() throws Exception {
		Confirmed ana = confirmed(unique("headers"), "en");

		HttpResponse<String> page = plainGet(path(ana.linkForFirstList()));

		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).contains("<h1>Unsubscribe</h1>", "New York for All", "name=\"scope\"").doesNotContain("<script");
	}

	@Test
	void aForgedTruncatedOrAlteredTokenChangesNothingAndShowsTheFriendlyPage() throws Exception {
		Confirmed ana = confirmed(unique("forged"), "en");
		UnsubscribeTarget target = ana.linkForFirstList();
		String token = links.token(target);
		String otherKey = new LinkSigner("another-key-0123456789abcdef", List.of()).signPermanent(UnsubscribeLinks.PURPOSE,
				target.encode());
		String body = token.substring(0, token.indexOf('.'));
		String signature = token.substring(token.indexOf('.') + 1);
		String altered = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(("never|" + new UnsubscribeTarget(ana.id() + 1, target.listIds(), 7L, false).encode())
				.getBytes(StandardCharsets.UTF_8)) + "." + signature;
		String flipped = body + "." + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

		for (String bad : List.of(otherKey, altered, flipped, token.substring(0, token.length() - 3), body, "nonsense")) {
			HttpResponse<String> oneClick = oneClick("/u/" + bad);
			HttpResponse<String> page = plainGet("/u/" + bad);
			assertThat(oneClick.statusCode()).as(bad).isEqualTo(400);
			assertThat(page.statusCode()).as(bad).isEqualTo(400);
			assertThat(page.body()).contains("This unsubscribe link does not work", "action=\"/unsubscribe-link?lang=en\"")
				.doesNotContain("Exception", "at org.");
		}
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("CONFIRMED");
		assertThat(withdrawals(ana.id())).isZero();
	}

	@Test
	void theFriendlyPageForABrokenLinkSpeaksSpanishToo() throws Exception {
		HttpResponse<String> page = plainGet("/u/broken?lang=es");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("lang=\"es\"", "Este enlace para cancelar la suscripción no funciona", "Envíenme un nuevo enlace");
	}

	@Test
	void unsubscribingTwiceRecordsOneWithdrawalAndStillAnswersTheUnsubscribedPage() throws Exception {
		Confirmed ana = confirmed(unique("twice"), "en");
		String path = path(ana.linkForFirstList());

		HttpResponse<String> first = oneClick(path);
		HttpResponse<String> second = pressUnsubscribe(path, "list", "en");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("You&#39;re unsubscribed");
		assertThat(withdrawals(ana.id())).isEqualTo(1);
		assertThat(unsubscribedEvents(ana.id())).hasSize(1);
	}

	@Test
	void thePageOfALinkWhoseListsWereLeftSaysSoAndStillOffersEverything() throws Exception {
		Confirmed ana = confirmed(unique("already"), "en", "Tenants");
		String path = path(ana.linkForFirstList());
		String before = plainGet(path).body();

		oneClick(path);
		String after = plainGet(path).body();

		assertThat(before).doesNotContain("already unsubscribed");
		assertThat(after).contains("You are already unsubscribed from this list", "value=\"all\"");
	}

	@Test
	void fromEverythingLeavesEveryListOfTheSubscriber() throws Exception {
		Confirmed ana = confirmed(unique("everything"), "en", "Tenants", "Workers");

		HttpResponse<String> response = pressUnsubscribe(path(ana.linkForFirstList()), "all", "en");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ana.listIds()).allSatisfy(list -> assertThat(status(ana.id(), list)).isEqualTo("UNSUBSCRIBED"));
		assertThat(jdbc.sql("SELECT source FROM consent_events WHERE subscriber_id = :s AND kind = 'WITHDRAWN' ORDER BY list_id")
			.param("s", ana.id()).query(String.class).list()).containsExactly("page", "page", "page");
		assertThat(unsubscribedEvents(ana.id())).extracting(SubscriberUnsubscribed::listId)
			.containsExactlyInAnyOrderElementsOf(ana.listIds());
	}

	@Test
	void fromThisListLeavesOnlyTheListsTheLinkNames() throws Exception {
		Confirmed ana = confirmed(unique("this-list"), "en", "Tenants", "Workers");
		UnsubscribeTarget target = ana.link(List.of(ana.listIds().get(1)));

		pressUnsubscribe(path(target), "list", "en");

		assertThat(status(ana.id(), ana.listIds().get(0))).isEqualTo("CONFIRMED");
		assertThat(status(ana.id(), ana.listIds().get(1))).isEqualTo("UNSUBSCRIBED");
		assertThat(status(ana.id(), ana.listIds().get(2))).isEqualTo("CONFIRMED");
		assertThat(withdrawals(ana.id())).isEqualTo(1);
	}

	@Test
	void aPendingMembershipTheLinkNamesIsLeftTooSoItsConfirmationNoLongerWorks() throws Exception {
		String address = unique("pending");
		signUp(address, "en");
		String confirm = link(awaitEmailTo(address), "confirm");
		long id = jdbc.sql("SELECT id FROM subscribers WHERE email_key = :k").param("k", address).query(Long.class).single();
		long list = lists.bySlug("supporters").orElseThrow().id();

		oneClick(path(new UnsubscribeTarget(id, List.of(list), 3L, false)));
		pressButton(confirm);

		assertThat(status(id, list)).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void theTestSendsLinkShowsThePageWithTheTestNotice() throws Exception {
		HttpResponse<String> page = plainGet(path(new UnsubscribeTarget(0, List.of(0L), null, true)));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("This was a test email: nothing will be recorded", "Unsubscribe</button>");
	}

	@Test
	void theTestSendsLinkRecordsNothingWhenPressedOrOneClicked() throws Exception {
		Confirmed ana = confirmed(unique("test-send"), "en");
		String path = path(new UnsubscribeTarget(ana.id(), ana.listIds(), null, true));
		long ledgerBefore = count("SELECT COUNT(*) FROM consent_events");

		HttpResponse<String> oneClick = oneClick(path);
		HttpResponse<String> pressed = pressUnsubscribe(path, "all", "en");

		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(pressed.statusCode()).isEqualTo(200);
		assertThat(pressed.body()).contains("Nothing was recorded", "This was a test email: nothing will be recorded");
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("CONFIRMED");
		assertThat(count("SELECT COUNT(*) FROM consent_events")).isEqualTo(ledgerBefore);
		assertThat(unsubscribedEvents(ana.id())).isEmpty();
	}

	@Test
	void thePageSpeaksTheSubscribersStoredLanguageUnlessLangSaysOtherwise() throws Exception {
		Confirmed lucia = confirmed(unique("lucia"), "es");
		String path = path(lucia.linkForFirstList());

		HttpResponse<String> stored = plain.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept-Language", "en-US")
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> overridden = plainGet(path + "?lang=en");

		assertThat(stored.body()).contains("lang=\"es\"", "<h1>Cancelar la suscripción</h1>", "Solo de esta lista", "De todo lo que le enviamos");
		assertThat(overridden.body()).contains("lang=\"en\"", "<h1>Unsubscribe</h1>");
	}

	@Test
	void aSpanishPressRecordsSpanishAndAnswersInSpanish() throws Exception {
		Confirmed lucia = confirmed(unique("lucia-press"), "es");

		HttpResponse<String> response = pressUnsubscribe(path(lucia.linkForFirstList()), "list", "es");

		assertThat(response.body()).contains("Su suscripción está cancelada", "New York for All");
		assertThat(jdbc.sql("SELECT language FROM consent_events WHERE subscriber_id = :s AND kind = 'WITHDRAWN'")
			.param("s", lucia.id()).query(String.class).single()).isEqualTo("es");
	}

}

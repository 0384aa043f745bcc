package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.internal.ListStore;
import org.callout.subscribers.internal.MembershipStore;
import org.callout.subscribers.internal.SubscriberStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Lists, subscribers and memberships on a real database (subclasses pick H2 or PostgreSQL). */
@DataJdbcTest
@Import({ SubscriberLists.class, Subscribers.class, Memberships.class, ListStore.class, SubscriberStore.class,
		MembershipStore.class, SubscribersDataTests.Config.class })
abstract class SubscribersDataTests {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SubscribersProperties.class)
	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		AddressHasher addressHasher() {
			return new AddressHasher("test-hash-key-0123456789abcdef");
		}

	}

	@Autowired
	SubscriberLists lists;

	@Autowired
	Subscribers subscribers;

	@Autowired
	Memberships memberships;

	@Test
	void addressesDifferingOnlyInCaseAreOneSubscriberWhoseDetailsALaterSignupMayCorrectUntilConfirmed() {
		Subscriber first = subscribers.findOrCreate(details("Maria.Lopez@Example.org", "Mria"));
		Subscriber again = subscribers.findOrCreate(details("maria.lopez@EXAMPLE.ORG", "María"));

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.firstName()).isEqualTo("María");
		assertThat(again.email().value()).isEqualTo("Maria.Lopez@example.org");
	}

	@Test
	void onceAMembershipIsConfirmedASignupNoLongerChangesTheSubscribersDetails() {
		SubscriberList list = lists.create("details-test", "Details test", null, true);
		Subscriber owner = subscribers.findOrCreate(details("owner@example.org", "Olga"));
		Membership pending = memberships.lockForSignup(owner.id(), list.id());
		memberships.confirm(owner.id(), list.id(), pending.confirmationNonce(), "en");

		Subscriber afterStranger = subscribers.findOrCreate(details("OWNER@example.org", "Mallory"));

		assertThat(afterStranger.firstName()).isEqualTo("Olga");
	}

	@Test
	void theDefaultListIsPublicAndJoinableWithoutASlug() {
		lists.ensureDefaultList();
		lists.ensureDefaultList();

		assertThat(lists.joinable(null)).get().extracting(SubscriberList::slug).isEqualTo("supporters");
		assertThat(lists.all()).filteredOn(l -> l.slug().equals("supporters")).hasSize(1);
	}

	@Test
	void aPrivateListIsNotJoinableExactlyLikeAMissingOne() {
		lists.create("staff-only", "Staff", null, false);

		assertThat(lists.joinable("staff-only")).isEmpty();
		assertThat(lists.joinable("no-such-list")).isEmpty();
		assertThat(lists.joinable("Robert'); DROP TABLE subscribers;--")).isEmpty();
		assertThat(lists.bySlug("staff-only")).isPresent();
	}

	@Test
	void aTakenSlugIsRefusedAndAnUpdateChangesTheList() {
		lists.create("rapid-response", "Rapid response", "first", true);

		assertThatThrownBy(() -> lists.create("rapid-response", "Other", null, true))
			.isInstanceOf(SubscriberLists.SlugTakenException.class);
		assertThat(lists.update("rapid-response", "Rapid response team", "second", false)).get()
			.satisfies(l -> assertThat(l.name()).isEqualTo("Rapid response team"))
			.satisfies(l -> assertThat(l.isPublic()).isFalse());
		assertThat(lists.update("missing", "x", null, true)).isEmpty();
	}

	@Test
	void aMembershipConfirmsOnlyWithItsPendingNonceAndOnlyOnce() {
		SubscriberList list = lists.create("confirm-test", "Confirm test", null, true);
		Subscriber subscriber = subscribers.findOrCreate(details("nonce@example.org", "Nia"));
		Membership pending = memberships.lockForSignup(subscriber.id(), list.id());

		assertThat(pending.status()).isEqualTo(MembershipStatus.UNCONFIRMED);
		assertThat(memberships.confirm(subscriber.id(), list.id(), "wrong-nonce", "en")).isEqualTo(Memberships.ConfirmationResult.NOT_PENDING);
		assertThat(memberships.confirm(subscriber.id(), list.id(), pending.confirmationNonce(), "en")).isEqualTo(Memberships.ConfirmationResult.CONFIRMED);
		assertThat(memberships.confirm(subscriber.id(), list.id(), pending.confirmationNonce(), "en")).isEqualTo(Memberships.ConfirmationResult.ALREADY_CONFIRMED);
		assertThat(memberships.find(subscriber.id(), list.id())).get().extracting(Membership::status).isEqualTo(MembershipStatus.CONFIRMED);
	}

	@Test
	void aDisownedSignupComesBackUnconfirmedWithANewNonceSoOldLinksDoNothing() {
		SubscriberList list = lists.create("disown-test", "Disown test", null, true);
		Subscriber subscriber = subscribers.findOrCreate(details("disown@example.org", "Dee"));
		String oldNonce = memberships.lockForSignup(subscriber.id(), list.id()).confirmationNonce();
		assertThat(memberships.disown(subscriber.id(), list.id(), oldNonce)).isTrue();

		Membership back = memberships.lockForSignup(subscriber.id(), list.id());

		assertThat(back.status()).isEqualTo(MembershipStatus.UNCONFIRMED);
		assertThat(back.confirmationNonce()).isNotEqualTo(oldNonce);
		assertThat(memberships.confirm(subscriber.id(), list.id(), oldNonce, "en")).isEqualTo(Memberships.ConfirmationResult.NOT_PENDING);
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void membershipChangesRefuseToRunOutsideATransaction() {
		assertThatThrownBy(() -> memberships.lockForSignup(1, 1)).isInstanceOf(IllegalTransactionStateException.class);
	}

	private static NewSubscriber details(String email, String firstName) {
		return new NewSubscriber(EmailAddress.parse(email), firstName, "Tester", "10004", null, "es");
	}

}

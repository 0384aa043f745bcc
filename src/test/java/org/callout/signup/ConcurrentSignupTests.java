package org.callout.signup;

import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Sixteen signups of one address at the same moment: one subscriber, one membership, at most one email. */
abstract class ConcurrentSignupTests extends SignupFlowSupport {

	@Test
	void sixteenConcurrentSignupsOfOneAddressMakeOneSubscriberOneMembershipAndOneEmail() throws Exception {
		String address = unique("rush");
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String variant = i % 2 == 0 ? address : address.toUpperCase(Locale.ROOT);
			bodies.add(signupJson(variant, i % 3 == 0 ? "es" : "en", null));
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (String body : bodies) {
				Callable<HttpResponse<String>> call = () -> {
					start.await();
					return postJson("/api/v1/signups", body, Map.of());
				};
				answers.add(pool.submit(call));
			}
			start.countDown();
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(202);
			}
		}

		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_key = '" + address + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM memberships m JOIN subscribers s ON s.id = m.subscriber_id WHERE s.email_key = '"
				+ address + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM consent_events e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email_key = '"
				+ address + "'")).isEqualTo(1);
		awaitEmailTo(address);
		assertNothingSentTo(address, 1);
	}

}

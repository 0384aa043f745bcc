package org.callout.legislators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.callout.CalloutApplication;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A crash between a confirmation and its lookup loses nothing: the first run of the embedded default (H2 file
 * database) stops while the lookup is still queued, and the restarted one does it, once, from the event
 * publication registry.
 */
class LookupAfterRestartTests {

	@TempDir
	Path dataDir;

	private HttpServer geocoder;

	private final AtomicInteger geocoderRequests = new AtomicInteger();

	@BeforeEach
	void startGeocoder() throws IOException {
		geocoder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		geocoder.createContext("/geocoder/geographies/onelineaddress", exchange -> {
			geocoderRequests.incrementAndGet();
			byte[] body = GeocodedSignupTests.MATCH.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		geocoder.start();
	}

	@AfterEach
	void stopGeocoder() {
		geocoder.stop(0);
	}

	/** Async listeners' tasks are queued here and never run: the process "dies" before the lookup. */
	@Configuration(proxyBeanMethods = false)
	static class TasksNeverRun {

		static final List<Runnable> HELD = new CopyOnWriteArrayList<>();

		@Bean(name = { "taskExecutor", "applicationTaskExecutor" })
		AsyncTaskExecutor taskExecutor() {
			return HELD::add;
		}

	}

	@Test
	void aConfirmationWhoseLookupNeverRanIsLookedUpOnceAfterARestart() {
		long subscriberId;
		try (ConfigurableApplicationContext first = start(CalloutApplication.class, TasksNeverRun.class)) {
			subscriberId = confirm(first);
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !TasksNeverRun.HELD.isEmpty());
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM representations")).isZero();
			assertThat(count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL "
					+ "AND listener_id LIKE '%LookupTriggers%'")).isEqualTo(1);
		}
		assertThat(geocoderRequests.get()).isZero();

		try (ConfigurableApplicationContext second = start(CalloutApplication.class)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count(jdbc, "SELECT COUNT(*) FROM event_publication "
					+ "WHERE completion_date IS NULL AND listener_id LIKE '%LookupTriggers%'") == 0);

			Representation representation = second.getBean(Representatives.class).representationOf(subscriberId).orElseThrow();
			assertThat(representation.answer().source()).isEqualTo(AnswerSource.GEOCODER);
			assertThat(representation.senator()).get().extracting(Legislator::district).isEqualTo("26");
			assertThat(geocoderRequests.get()).isEqualTo(1);
		}
	}

	private ConfigurableApplicationContext start(Class<?>... sources) {
		// Command-line arguments, as an operator would pass them: they win over ./config/application.yml.
		return new SpringApplicationBuilder(sources).run("--callout.data-dir=" + dataDir, "--server.port=0",
				"--callout.legislators.geocoder.enabled=true",
				"--callout.legislators.geocoder.base-url=http://127.0.0.1:" + geocoder.getAddress().getPort());
	}

	private static long confirm(ConfigurableApplicationContext context) {
		Subscribers subscribers = context.getBean(Subscribers.class);
		Memberships memberships = context.getBean(Memberships.class);
		long listId = context.getBean(SubscriberLists.class).joinable(null).orElseThrow().id();
		return new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(tx -> {
			Subscriber subscriber = subscribers.findOrCreate(new NewSubscriber(EmailAddress.parse("restart@example.org"), "Ana",
					"Pérez", "10004", "125 Broad Street", "en"));
			String nonce = memberships.lockForSignup(subscriber.id(), listId).confirmationNonce();
			assertThat(memberships.confirm(subscriber.id(), listId, nonce, "en")).isEqualTo(Memberships.ConfirmationResult.CONFIRMED);
			return subscriber.id();
		});
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}

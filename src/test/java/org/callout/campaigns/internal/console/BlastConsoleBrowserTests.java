package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.callout.campaigns.internal.email.CallPageLinks;
import org.callout.platform.AddressHasher;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.H2Database;
import org.callout.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organizer's blast pages in Chromium, by keyboard only, axe-core on every page: approving a blast and watching
 * it reach SENT through GreenMail, pausing and resuming one mid-send, and the calls chart after a supporter's report.
 */
@H2Database
class BlastConsoleBrowserTests extends ConsoleBrowserSupport {

	@Autowired
	AddressHasher hasher;

	@Autowired
	CallPageLinks links;

	@Autowired
	PlatformTransactionManager transactions;

	BlastFixtures fixtures;

	@BeforeEach
	void fixturesAndDirectory() throws Exception {
		fixtures = new BlastFixtures(base(), ADMIN, jdbc, hasher, clock);
		// The call page needs the legislators and ZIP table; another class on this context may have imported them.
		if (count("SELECT COUNT(*) FROM legislators") == 0) {
			fixtures.send("POST", "/api/v1/legislators/imports", Map.of("source", SharedData.file("ny-legislators.csv").toString(),
					"format", "csv", "mode", "full"), 200);
			for (String file : List.of("ny-zcta-senate-districts.txt", "ny-zcta-assembly-districts.txt")) {
				fixtures.send("POST", "/api/v1/districts/zip-table/imports", Map.of("source", SharedData.file(file).toString()), 200);
			}
		}
	}

	@Test
	void anOrganizerApprovesABlastAwaitingApprovalWatchesItReachSentAndSeesACallReportedOnItsChart() throws Exception {
		long bill = bill("S7741");
		String slug = fixtures.list(3);
		long blast = fixtures.blast(slug, bill, true);
		signIn("ORGANIZER");

		press(By.linkText("Blasts"));
		assertAccessible();
		press(By.id("blast-" + blast));
		assertThat(driver.findElement(By.id("audience-total")).getText()).isEqualTo("If it started now, it would go to 3 people.");
		assertThat(driver.findElement(By.id("blast-state")).getText()).isEqualTo("Awaiting approval");
		assertThat(driver.findElements(By.id("button-pause"))).isEmpty();
		assertAccessible();
		press(By.id("button-approve"));
		assertThat(driver.findElement(By.id("note")).getText()).isEqualTo("Approved.");
		assertAccessible();

		// The page's script polls the progress and loads the page again as the state moves on.
		waiting().until(ExpectedConditions.textToBe(By.id("blast-state"), "Sent"));
		assertThat(driver.findElement(By.id("count-sent")).getText()).isEqualTo("3");
		assertThat(driver.findElement(By.id("blast-progress")).getDomProperty("value")).isEqualTo("3");
		assertThat(driver.findElement(By.id("progress-text")).getText()).isEqualTo("3 of 3 done (3 sent)");
		assertThat(driver.findElements(By.cssSelector("[id^=button-]"))).isEmpty();
		assertAccessible();

		long supporter = supporter(unique("caller"));
		driver.get(local(links.blastUrl(supporter, blast, "en")));
		assertAccessible();
		tabTo(By.xpath("//button[contains(., 'I talked to someone at Senator Pat Fahy')]")).sendKeys(Keys.ENTER);
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
		assertAccessible();

		driver.get(base() + "/console/blasts/" + blast);
		assertThat(driver.findElement(By.id("calls-chart")).getDomAttribute("role")).isEqualTo("img");
		assertThat(driver.findElement(By.id("calls-chart-title")).getDomProperty("textContent")).isEqualTo("Calls reported per legislator");
		assertThat(driver.findElement(By.id("calls-table")).getText()).contains("Pat Fahy 1 0 0 1");
		assertAccessible();
	}

	@Test
	void anOrganizerPausesABlastMidSendAndResumesItUntilSent() throws Exception {
		String slug = fixtures.list(200);
		List<Long> members = fixtures.members(slug);
		// The relay on loopback takes everything at once: membership rows held locked, as an unsubscribe would hold
		// them, keep the engine waiting on the chunks of those members, so the blast is still sending when paused. One
		// in each chunk after the first (chunks of 50 in member order): with two workers, a lock in one chunk only left
		// the other worker to send all the rest before the pause, in some runs.
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch locked = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("SELECT status FROM memberships WHERE subscriber_id IN (:ids) FOR UPDATE")
				.param("ids", List.of(members.get(60), members.get(110), members.get(160)))
				.query(String.class).list();
			locked.countDown();
			try {
				release.await(50, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
		long blast;
		try {
			blast = fixtures.blast(slug, null, false);
			Awaitility.await("sending, the first chunks out").atMost(Duration.ofSeconds(30))
				.until(() -> "SENDING".equals(fixtures.state(blast)) && sent(blast) > 0);
			signIn("ORGANIZER");
			driver.get(base() + "/console/blasts/" + blast);
			assertThat(driver.findElement(By.id("blast-state")).getText()).isEqualTo("Sending");
			assertAccessible();

			press(By.id("button-pause"));

			assertThat(driver.findElement(By.id("note")).getText()).startsWith("Paused.");
			assertThat(driver.findElement(By.id("blast-state")).getText()).isEqualTo("Paused");
			assertThat(driver.findElements(By.id("button-pause"))).isEmpty();
			assertAccessible();
		}
		finally {
			release.countDown();
			holder.get(20, TimeUnit.SECONDS);
		}
		// The chunks that were waiting go out (one per worker); then nothing more while paused.
		Awaitility.await("the paused blast's execution stopped").atMost(Duration.ofSeconds(20))
			.until(() -> List.of("STOPPED").equals(executions(blast)));
		long sentWhilePaused = sent(blast);
		assertThat(sentWhilePaused).isLessThan(200);
		assertThat(fixtures.blast(blast).get("counts").get("pending").asLong()).isEqualTo(200 - sentWhilePaused);
		assertThat(fixtures.state(blast)).isEqualTo("PAUSED");
		// The page's script shows the new count without a reload.
		waiting().until(ExpectedConditions.textToBe(By.id("count-sent"), Long.toString(sentWhilePaused)));
		waiting().until(ExpectedConditions.attributeToBeNotEmpty(driver.findElement(By.id("rate-line")), "points"));

		press(By.id("button-resume"));
		assertThat(driver.findElement(By.id("note")).getText()).isEqualTo("Resumed.");
		waiting().until(ExpectedConditions.textToBe(By.id("blast-state"), "Sent"));
		assertThat(driver.findElement(By.id("count-sent")).getText()).isEqualTo("200");
		assertAccessible();
		assertThat(fixtures.audit(blast).stream().filter(e -> e.get(1).equals("console")).map(e -> e.getFirst()))
			.containsExactly("blast.pause", "blast.resume");
	}

	private long sent(long blast) throws Exception {
		JsonNode counts = fixtures.blast(blast).get("counts");
		return counts == null || counts.isNull() ? 0 : counts.get("sent").asLong();
	}

	/** The statuses of the blast's engine runs (Spring Batch executions), oldest first. */
	private List<String> executions(long blast) {
		return jdbc.sql("""
				SELECT e.status FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'blastId' AND p.parameter_value = :blast
				ORDER BY e.job_execution_id""")
			.param("blast", String.valueOf(blast))
			.query(String.class)
			.list();
	}

	/** A bill with this print, introduced (each test its own print: a print is tracked once). */
	private long bill(String print) throws Exception {
		Map<String, Object> bill = new LinkedHashMap<>();
		bill.put("session", 2025);
		bill.put("printNo", print);
		bill.put("sameAs", print.replace('S', 'A'));
		bill.put("title", "New York for All Act");
		bill.put("summary", Map.of("en", "Keeps local police from doing ICE's job.", "es", "Impide que la policía local haga el trabajo de ICE."));
		bill.put("publicUrl", "https://www.nysenate.gov/legislation/bills/2025/S3076/amendment/A");
		long id = fixtures.send("POST", "/api/v1/bills", bill, 201).get("id").asLong();
		fixtures.send("POST", "/api/v1/bills/" + id + "/status", Map.of("status", "INTRODUCED", "actionDate", "2026-02-03", "print", print), 200);
		return id;
	}

	/** A supporter in Albany (Senate 46) signed up and confirmed the real way, with their districts found. */
	private long supporter(String email) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("firstName", "Cy");
		body.put("lastName", "Díaz");
		body.put("zip", "12207");
		body.put("language", "en");
		body.put("termsVersion", terms("en").get("versionId").asString());
		body.put("consent", true);
		HttpResponse<String> signup = postJson("/api/v1/signups", json.writeValueAsString(body), Map.of());
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
		assertThat(pressButton(link(awaitEmailTo(email), "confirm")).statusCode()).isEqualTo(200);
		long id = json.readTree(admin("/api/v1/subscribers?email=" + email).body()).get("id").asLong();
		Awaitility.await("districts of " + id).atMost(Duration.ofSeconds(20))
			.until(() -> http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/" + id + "/districts"))
				.header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
		return id;
	}

}

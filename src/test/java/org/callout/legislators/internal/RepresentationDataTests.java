package org.callout.legislators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.callout.legislators.AnswerSource;
import org.callout.legislators.Confidence;
import org.callout.legislators.Representation;
import org.callout.legislators.Representatives;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscribers;
import org.callout.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

/** Who represents a subscriber, stored and read back on a real database (subclasses pick H2 or PostgreSQL). */
abstract class RepresentationDataTests extends DirectorySupport {

	@Autowired
	Subscribers subscribers;

	@Autowired
	RepresentationUpdater updater;

	@Autowired
	Representatives representatives;

	@Autowired
	RepresentationStore representations;

	@Autowired
	OrganizerDistricts organizer;

	@Autowired
	OrganizerDistrictCsv organizerCsv;

	@Autowired
	DistrictJobs jobs;

	@TempDir
	Path temp;

	@BeforeEach
	void loadDirectoryAndZipTable() throws IOException {
		importFull(SharedData.file("openstates-people-ny").toString(), "yaml");
		loadSharedZipTable();
	}

	private long subscriber(String zip, String street) {
		return subscribers.findOrCreate(new NewSubscriber(EmailAddress.parse(UUID.randomUUID() + "@example.org"), "Ana", "Pérez",
				zip, street, "en")).id();
	}

	@Test
	void aLookedUpSubscriberHasBothDistrictsAndTheirLegislators() {
		long id = subscriber("12207-1234", null);

		assertThat(updater.refresh(id, false)).isEqualTo(RepresentationUpdater.Outcome.LOOKED_UP);

		Representation representation = representatives.representationOf(id).orElseThrow();
		assertThat(representation.confidence()).isEqualTo(Confidence.EXACT);
		assertThat(representation.senator()).get().satisfies(s -> assertThat(s.name()).isEqualTo("Pat Fahy"));
		assertThat(representation.assemblyMember()).get().satisfies(a -> assertThat(a.name()).isEqualTo("Gabriella Romero"));
	}

	@Test
	void anAmbiguousAnswerKeepsItsCandidatesAndAnUnchangedInputIsNotLookedUpAgain() {
		long id = subscriber("10004", "125 Broad Street");
		updater.refresh(id, false);

		assertThat(updater.refresh(id, false)).isEqualTo(RepresentationUpdater.Outcome.UNCHANGED);
		Representation representation = representatives.representationOf(id).orElseThrow();
		assertThat(representation.confidence()).isEqualTo(Confidence.AMBIGUOUS);
		assertThat(representation.answer().senate().candidates()).hasSize(2);
		assertThat(representation.senator()).isEmpty();
		assertThat(representations.find(id).orElseThrow().fingerprint()).hasSize(64).doesNotContain("Broad");
	}

	@Test
	void organizerDistrictsWinUntilClearedAndTheSummaryCountsEachConfidence() {
		long split = subscriber("10004", null);
		long away = subscriber("90210", null);
		long poBox = subscriber("12201", null);
		updater.refresh(split, false);
		updater.refresh(away, false);
		updater.refresh(poBox, false);

		organizer.set(split, "26", null);

		Representation set = representatives.representationOf(split).orElseThrow();
		assertThat(set.answer().source()).isEqualTo(AnswerSource.ORGANIZER);
		assertThat(set.senator()).get().satisfies(s -> assertThat(s.district()).isEqualTo("26"));
		assertThat(set.confidence()).isEqualTo(Confidence.UNKNOWN);
		assertThat(representatives.summary()).containsEntry(Confidence.OUTSIDE_NY, 1L).containsEntry(Confidence.UNKNOWN, 2L);
		organizer.clear(split);
		assertThat(representatives.representationOf(split).orElseThrow().answer().source()).isEqualTo(AnswerSource.ZIP);
	}

	@Test
	void anOrganizerCsvSetsDistrictsByEmailAndReportsBadRows() throws IOException {
		String email = UUID.randomUUID() + "@example.org";
		long id = subscribers.findOrCreate(new NewSubscriber(EmailAddress.parse(email), "Ana", "Pérez", "10004", null, "en")).id();
		Path csv = temp.resolve("districts.csv");
		Files.writeString(csv, "email,senate_district,assembly_district\n" + email.toUpperCase() + ",27,65\n"
				+ "nobody@example.org,1,1\nnot-an-email,1,1\n" + email + ",64,\n");

		OrganizerDistrictCsv.Report report = organizerCsv.apply(new ImportFile(csv.toString(), Files.readAllBytes(csv)));

		assertThat(report.set()).isEqualTo(1);
		assertThat(report.errors()).extracting(RecordError::where).containsExactly(csv + ":3", csv + ":4", csv + ":5");
		Representation set = representatives.representationOf(id).orElseThrow();
		assertThat(set.answer().source()).isEqualTo(AnswerSource.ORGANIZER);
		assertThat(set.assemblyMember()).get().satisfies(a -> assertThat(a.district()).isEqualTo("65"));
	}

	@Test
	void failedLookupsAreDueForRetryAfterTheirBackoffAndABulkRefreshFinishes() {
		long id = subscriber("10004", null);
		updater.refresh(id, false);
		var answer = representations.find(id).orElseThrow().answer();
		Instant now = Instant.now();
		representations.save(id, answer.withNote("geocoder: HTTP 500"), "x", now, 1, now.plusSeconds(300));

		assertThat(representations.dueForRetry(now, 10)).doesNotContain(id);
		assertThat(representations.dueForRetry(now.plusSeconds(301), 10)).contains(id);
		assertThat(updater.backoff(1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(updater.backoff(3)).isEqualTo(Duration.ofMinutes(20));
		assertThat(updater.backoff(30)).isEqualTo(Duration.ofHours(6));

		DistrictJobs.Job job = jobs.start();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(job.id()).orElseThrow().status().equals("finished"));
		assertThat(jobs.find(job.id()).orElseThrow().done()).isEqualTo(job.total());
		assertThat(representations.find(id).orElseThrow().retryAt()).isNull();
	}

}

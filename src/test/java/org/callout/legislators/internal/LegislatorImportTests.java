package org.callout.legislators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.callout.legislators.Chamber;
import org.callout.legislators.Legislator;
import org.callout.legislators.Seats;
import org.callout.support.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing New York's real legislator data from ../shared/data (subclasses pick H2 or PostgreSQL). */
abstract class LegislatorImportTests extends DirectorySupport {

	@TempDir
	Path temp;

	String csv() {
		return SharedData.file("ny-legislators.csv").toString();
	}

	String yamlDirectory() {
		return SharedData.file("openstates-people-ny").toString();
	}

	@Test
	void theYamlFilesGive63SenatorsAnd150AssemblyMembersEachDistrictOnce() {
		ImportReport report = importFull(yamlDirectory(), "yaml");

		assertThat(report.errors()).isEmpty();
		assertThat(report.added()).isEqualTo(213);
		assertEveryDistrictOnce();
		assertChampions();
	}

	@Test
	void theCsvFileGivesTheSame213PeopleEachDistrictOnce() {
		ImportReport report = importFull(csv(), "csv");

		assertThat(report.errors()).isEmpty();
		assertThat(report.added()).isEqualTo(213);
		assertEveryDistrictOnce();
		assertChampions();
	}

	@Test
	void theYamlKeepsOtherNamesEveryDistrictPhoneAndFusionParties() {
		importFull(yamlDirectory(), "yaml");

		Legislator stirpe = store.search(Chamber.LOWER, "127", null, true).getFirst();
		assertThat(stirpe.otherNames()).contains("Albert A. Stirpe", "Stirpe, A.");
		assertThat(store.search(null, null, "albert a. stirpe", true)).extracting(Legislator::name).containsExactly("Al Stirpe");
		assertThat(stirpe.source()).endsWith("openstates-people-ny");
		assertThat(store.search(Chamber.UPPER, "18", null, true).getFirst().party()).isEqualTo("Democratic/Working Families");
		assertThat(count("SELECT COUNT(*) FROM legislators WHERE district_phones LIKE '%;%'")).isEqualTo(28);
		assertThat(count("SELECT COUNT(*) FROM legislators WHERE district_phones IS NULL")).isEqualTo(3);
	}

	@Test
	void reimportingTheSameDataChangesNothing() {
		importFull(yamlDirectory(), "yaml");
		List<Legislator> before = store.all();

		ImportReport again = importFull(yamlDirectory(), "yaml");

		assertThat(again.added()).isZero();
		assertThat(again.changed()).isZero();
		assertThat(again.retired()).isZero();
		assertThat(again.unchanged()).isEqualTo(213);
		assertThat(store.all()).isEqualTo(before);
	}

	@Test
	void aChangedPhoneIsUpdatedAndAPersonMissingFromAFullImportIsRetiredNotDeleted() throws IOException {
		importFull(csv(), "csv");
		List<String> lines = Files.readAllLines(Path.of(csv()));
		Path edited = temp.resolve("edited.csv");
		Files.write(edited, lines.stream()
			.filter(line -> !line.contains("Karines Reyes"))
			.map(line -> line.replace("518-455-2177", "518-455-9999"))
			.toList());

		ImportReport report = importFull(edited.toString(), "csv");

		assertThat(report.changed()).isEqualTo(1);
		assertThat(report.retired()).isEqualTo(1);
		assertThat(report.unchanged()).isEqualTo(211);
		assertThat(store.search(Chamber.UPPER, "18", null, true).getFirst().capitolPhone()).isEqualTo("518-455-9999");
		assertThat(store.search(Chamber.LOWER, "87", null, true)).isEmpty();
		assertThat(store.search(Chamber.LOWER, "87", null, false)).singleElement()
			.satisfies(reyes -> assertThat(reyes.name()).isEqualTo("Karines Reyes"))
			.satisfies(reyes -> assertThat(reyes.current()).isFalse());
		assertThat(count("SELECT COUNT(*) FROM legislators")).isEqualTo(213);
	}

	@Test
	void aPartialImportOfOnePersonRetiresNobody() throws IOException {
		importFull(csv(), "csv");
		List<String> lines = Files.readAllLines(Path.of(csv()));
		Path one = temp.resolve("one.csv");
		Files.write(one, List.of(lines.getFirst(), lines.get(1).replace("Tony Palumbo", "Anthony H. Palumbo")));

		ImportReport report = imports.run(one.toString(), "csv", LegislatorImporter.Mode.PARTIAL, false);

		assertThat(report.changed()).isEqualTo(1);
		assertThat(report.retired()).isZero();
		assertThat(count("SELECT COUNT(*) FROM legislators WHERE is_current = TRUE")).isEqualTo(213);
	}

	@Test
	void aDryRunReportsWhatWouldChangeAndWritesNothing() throws IOException {
		importFull(csv(), "csv");
		Path edited = temp.resolve("dry.csv");
		Files.write(edited, Files.readAllLines(Path.of(csv())).stream().filter(l -> !l.contains("Julia Salazar")).toList());

		ImportReport report = imports.run(edited.toString(), "csv", LegislatorImporter.Mode.FULL, true);

		assertThat(report.dryRun()).isTrue();
		assertThat(report.retired()).isEqualTo(1);
		assertThat(store.search(Chamber.UPPER, "18", null, true)).isNotEmpty();
	}

	@Test
	void badRecordsAreReportedWithTheirLineAndTheRestIsImported() throws IOException {
		List<String> lines = Files.readAllLines(Path.of(csv()));
		Path bad = temp.resolve("bad.csv");
		Files.write(bad, List.of(lines.getFirst(), lines.get(1), lines.get(2).replace("upper,2,", "upper,64,"),
				lines.get(3), lines.get(1).replace("Tony Palumbo", "Someone Else"), "upper,5,No Id,Democratic,,,,"));

		ImportReport report = importFull(bad.toString(), "csv");

		assertThat(report.added()).isEqualTo(2);
		assertThat(report.errors()).extracting(RecordError::where)
			.containsExactly(bad + ":3", bad + ":5", bad + ":6");
		assertThat(report.errors().get(0).reason()).contains("no upper district '64'");
		assertThat(report.errors().get(1).reason()).contains("duplicate id").contains(bad + ":2");
		assertThat(report.errors().get(2).reason()).isEqualTo("no OpenStates id");
	}

	@Test
	void aFieldTooLongForItsColumnIsOneBadRecordNotAFailedImport() throws IOException {
		List<String> lines = Files.readAllLines(Path.of(csv()));
		Path bad = temp.resolve("long-phone.csv");
		Files.write(bad, List.of(lines.getFirst(), lines.get(1).replace("518-455-3121", "5".repeat(41)), lines.get(2),
				lines.get(3).replaceFirst("@nysenate.gov", "@" + "x".repeat(320) + ".nysenate.gov")));

		ImportReport report = importFull(bad.toString(), "csv");

		assertThat(report.added()).isEqualTo(1);
		assertThat(report.errors()).extracting(RecordError::where).containsExactly(bad + ":2", bad + ":4");
		assertThat(report.errors()).extracting(RecordError::reason).containsExactly(
				"capitol phone is too long; this record is skipped", "email is too long; this record is skipped");
	}

	@Test
	void aBadRecordInAFullImportDoesNotRetireThePersonItNames() throws IOException {
		importFull(csv(), "csv");
		Path bad = temp.resolve("bad-district.csv");
		Files.write(bad, Files.readAllLines(Path.of(csv())).stream().map(l -> l.replace("upper,18,", "upper,99,")).toList());

		ImportReport report = importFull(bad.toString(), "csv");

		assertThat(report.errors()).hasSize(1);
		assertThat(report.retired()).isZero();
		assertThat(store.search(Chamber.UPPER, "18", null, true)).isNotEmpty();
	}

	@Test
	void aFileWithoutARequiredColumnIsRefusedWholeWithTheReason() throws IOException {
		importFull(csv(), "csv");
		Path noDistrict = temp.resolve("no-district.csv");
		Files.write(noDistrict, List.of("chamber,name,party,openstates_id", "upper,Someone,Democratic,ocd-person/x"));

		assertThatThrownBy(() -> importFull(noDistrict.toString(), "csv")).isInstanceOf(ImportRefusedException.class)
			.hasMessageContaining("missing required column(s): district");
		assertThat(count("SELECT COUNT(*) FROM legislators WHERE is_current = TRUE")).isEqualTo(213);
	}

	@Test
	void aFileOverTheSizeCapOrUnreadableIsRefusedWhole() throws IOException {
		Path huge = temp.resolve("huge.csv");
		try (OutputStream out = Files.newOutputStream(huge)) {
			out.write((Files.readString(Path.of(csv())) + "\n".repeat(3 * 1024 * 1024)).getBytes());
		}

		assertThatThrownBy(() -> importFull(huge.toString(), "csv")).hasMessageContaining("larger than 2 MB");
		assertThatThrownBy(() -> importFull(temp.resolve("missing.csv").toString(), "csv")).hasMessageContaining("cannot read");
		assertThatThrownBy(() -> importFull("ftp://example.org/people.csv", "csv")).hasMessageContaining("only https");
		assertThat(count("SELECT COUNT(*) FROM legislators")).isZero();
	}

	@Test
	void aPersonWhoseEveryRoleHasEndedIsRetiredByAFullYamlImport() throws IOException {
		importFull(yamlDirectory(), "yaml");
		Path directory = Files.createDirectory(temp.resolve("people-ended"));
		try (Stream<Path> files = Files.list(Path.of(yamlDirectory()))) {
			for (Path file : files.toList()) {
				String yaml = Files.readString(file);
				if (file.getFileName().toString().startsWith("Julia-Salazar-")) {
					yaml = yaml.replace("  district: '18'\n", "  district: '18'\n  end_date: 2026-11-30\n");
				}
				Files.writeString(directory.resolve(file.getFileName()), yaml);
			}
		}

		ImportReport report = importFull(directory.toString(), "yaml");

		assertThat(report.retired()).isEqualTo(1);
		assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.reason()).startsWith("no current role"));
		assertThat(store.current(Chamber.UPPER, "18")).isEmpty();
	}

	@Test
	void yamlFromAZipImportsLikeTheDirectory() throws IOException {
		Path zip = temp.resolve("people.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(Path.of(yamlDirectory()))) {
			for (Path file : files.sorted().toList()) {
				out.putNextEntry(new ZipEntry("data/ny/legislature/" + file.getFileName()));
				out.write(Files.readAllBytes(file));
			}
		}

		ImportReport report = importFull(zip.toString(), "yaml");

		assertThat(report.errors()).isEmpty();
		assertEveryDistrictOnce();
	}

	@Test
	void aHostileYamlFileCannotBuildObjectsAndIsReportedAsOneBadRecord() throws IOException {
		Path directory = Files.createDirectories(temp.resolve("hostile"));
		Files.writeString(directory.resolve("evil.yml"),
				"id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
		Files.writeString(directory.resolve("bomb.yml"), "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
				+ "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
		Files.writeString(directory.resolve("good.yml"), """
				id: ocd-person/00000000-0000-0000-0000-000000000001
				name: "<script>alert(1)</script> {{name}} ${x}"
				roles:
				- type: upper
				  district: '7'
				  start_date: 2023-01-01
				""");

		ImportReport report = imports.run(directory.toString(), "yaml", LegislatorImporter.Mode.PARTIAL, false);

		assertThat(report.added()).isEqualTo(1);
		assertThat(report.errors()).extracting(RecordError::where).anySatisfy(w -> assertThat(w).startsWith("evil.yml"))
			.anySatisfy(w -> assertThat(w).startsWith("bomb.yml"));
		assertThat(store.all().getFirst().name()).isEqualTo("<script>alert(1)</script> {{name}} ${x}");
	}

	@Test
	void theSeatsReadInOneQueryNameWhomEachSingleLookupNames() throws IOException {
		importFull(yamlDirectory(), "yaml");
		importFull(csv(), "csv");

		Seats seats = new Seats(store.allCurrent());

		assertThat(seats.size()).isEqualTo(63 + 150);
		for (Chamber chamber : Chamber.values()) {
			for (int district = 0; district <= 151; district++) {
				assertThat(seats.holder(chamber, String.valueOf(district))).as("%s %d", chamber, district)
					.isEqualTo(store.current(chamber, String.valueOf(district)));
			}
		}
		assertThat(seats.holder(Chamber.UPPER, null)).isEmpty();
	}

	@Test
	void theOpenStatesPublishedCsvShapeIsReadByColumnName() throws IOException {
		Path published = temp.resolve("ny.csv");
		Files.writeString(published, """
				id,name,current_party,current_district,current_chamber,given_name,family_name,email,capitol_address,capitol_voice,district_address,district_voice\r
				ocd-person/6c410f28-9316-45db-935d-52764c90b4ae,Julia Salazar,Democratic/Working Families,18,upper,Julia,Salazar,salazar@nysenate.gov,"Room 514, Capitol
				Albany, NY 12247",518-455-2177,"212 Evergreen Avenue, Brooklyn, NY 11221",718-573-1726\r
				""");

		ImportReport report = importFull(published.toString(), "csv");

		assertThat(report.errors()).isEmpty();
		Legislator salazar = store.search(Chamber.UPPER, "18", null, true).getFirst();
		assertThat(salazar.name()).isEqualTo("Julia Salazar");
		assertThat(salazar.capitolPhone()).isEqualTo("518-455-2177");
		assertThat(salazar.districtPhones()).containsExactly("718-573-1726");
		assertThat(salazar.email()).isEqualTo("salazar@nysenate.gov");
	}

	private void assertEveryDistrictOnce() {
		assertThat(count("SELECT COUNT(*) FROM legislators WHERE is_current = TRUE AND chamber = 'upper'")).isEqualTo(63);
		assertThat(count("SELECT COUNT(*) FROM legislators WHERE is_current = TRUE AND chamber = 'lower'")).isEqualTo(150);
		assertThat(count("SELECT COUNT(DISTINCT district) FROM legislators WHERE is_current = TRUE AND chamber = 'upper'")).isEqualTo(63);
		assertThat(count("SELECT COUNT(DISTINCT district) FROM legislators WHERE is_current = TRUE AND chamber = 'lower'")).isEqualTo(150);
	}

	private void assertChampions() {
		assertThat(store.current(Chamber.UPPER, "18")).get().extracting(Legislator::name).isEqualTo("Julia Salazar");
		assertThat(store.current(Chamber.LOWER, "87")).get().extracting(Legislator::name).isEqualTo("Karines Reyes");
	}

}

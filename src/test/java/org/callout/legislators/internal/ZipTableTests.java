package org.callout.legislators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.callout.legislators.AnswerSource;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.DistrictCandidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ZIP table from the New York extract in ../shared/data (subclasses pick H2 or PostgreSQL). */
abstract class ZipTableTests extends DirectorySupport {

	@BeforeEach
	void loadTheSharedExtract() throws IOException {
		loadSharedZipTable();
	}

	@Test
	void aZipInsideOneDistrictIsAnExactAnswer() {
		DistrictAnswer albany = zips.answer("12207");

		assertThat(albany.source()).isEqualTo(AnswerSource.ZIP);
		assertThat(albany.confidence()).isEqualTo(Confidence.EXACT);
		assertThat(albany.senate().district()).isEqualTo("46");
		assertThat(albany.assembly().district()).isEqualTo("109");
	}

	@Test
	void aZipTouchingSeveralDistrictsIsAmbiguousAndWithoutSharesNoneIsTheAnswer() {
		DistrictAnswer lowerManhattan = zips.answer("10004");

		assertThat(lowerManhattan.confidence()).isEqualTo(Confidence.AMBIGUOUS);
		assertThat(lowerManhattan.senate().district()).isNull();
		assertThat(lowerManhattan.senate().candidates()).extracting(DistrictCandidate::district).containsExactly("26", "27");
		assertThat(lowerManhattan.assembly().candidates()).extracting(DistrictCandidate::district).containsExactly("61", "65");
		assertThat(lowerManhattan.assembly().candidates()).extracting(DistrictCandidate::landShare).containsOnlyNulls();
	}

	@Test
	void aZipOutsideNewYorkIsSaidToBeOutsideNewYork() {
		assertThat(zips.answer("90210").confidence()).isEqualTo(Confidence.OUTSIDE_NY);
	}

	@Test
	void aNewYorkPoBoxZipWithoutAZipAreaIsUnknown() {
		DistrictAnswer poBoxes = zips.answer("12201");

		assertThat(poBoxes.confidence()).isEqualTo(Confidence.UNKNOWN);
		assertThat(poBoxes.senate().district()).isNull();
	}

	@Test
	void theExtractCoversEveryDistrictOfBothChambers() {
		assertThat(count("SELECT COUNT(DISTINCT district) FROM zip_districts WHERE chamber = 'upper'")).isEqualTo(63);
		assertThat(count("SELECT COUNT(DISTINCT district) FROM zip_districts WHERE chamber = 'lower'")).isEqualTo(150);
		assertThat(count("SELECT COUNT(*) FROM zip_districts")).isEqualTo(2374 + 2796);
	}

	@Test
	void aCensusFileWithLandSharesMakesTheLargestShareTheBestGuessAndKeepsTheShares() {
		String census = "\uFEFFOID_SLDU2024_20|GEOID_SLDU2024_20|NAMELSAD_SLDU2024_20|AREALAND_SLDU2024_20|OID_ZCTA5_20|GEOID_ZCTA5_20"
				+ "|AREALAND_ZCTA5_20|AREALAND_PART|AREAWATER_PART\r\n"
				+ "1|36026|State Senate District 26|100|7|10004|1000|300|0\r\n"
				+ "2|36027|State Senate District 27|100|7|10004|1000|700|0\r\n"
				+ "3|36ZZZ|State Senate Districts not defined|0|7|10004|1000|0|50\r\n"
				+ "4|36027|State Senate District 27|100|||0|0|0\r\n"
				+ "5|06001|State Senate District 1|100|8|06001|500|500|0\r\n";

		ZctaFile.Parsed parsed = zips.load(new ImportFile("census.txt", census.getBytes(StandardCharsets.UTF_8)), "census.txt");

		assertThat(parsed.pairs()).hasSize(2);
		DistrictAnswer answer = zips.answer("10004");
		assertThat(answer.senate().confidence()).isEqualTo(Confidence.AMBIGUOUS);
		assertThat(answer.senate().district()).isEqualTo("27");
		assertThat(answer.senate().candidates()).containsExactly(new DistrictCandidate("27", 0.7), new DistrictCandidate("26", 0.3));
		assertThat(zips.answer("06001").confidence()).isEqualTo(Confidence.OUTSIDE_NY);
	}

}

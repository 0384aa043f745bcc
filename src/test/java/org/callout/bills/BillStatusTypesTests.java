package org.callout.bills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The status types are Open Legislation's, exactly: checked against the shared reference file. */
class BillStatusTypesTests {

	private static final Path CSV = Path.of("..", "shared", "data", "nys-openleg-bill-status-types.csv");

	@Test
	void everyOpenLegislationStatusTypeIsKnownWithItsDescriptionAndMilestoneOrder() throws Exception {
		if (!Files.exists(CSV)) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but " + CSV.toAbsolutePath() + " is missing");
			}
			assumeTrue(false, "Skipped: " + CSV.toAbsolutePath() + " is missing");
		}
		List<String> rows = Files.readAllLines(CSV).stream().skip(1).filter(l -> !l.isBlank()).toList();

		assertThat(rows).hasSize(15);
		for (String row : rows) {
			String[] columns = row.split(",", -1);
			BillStatus status = BillStatus.valueOf(columns[0]);
			assertThat(status.description()).as(columns[0]).isEqualTo(columns[1]);
			assertThat(status.milestoneOrder(Chamber.SENATE)).as(columns[0]).isEqualTo(columns[2].isEmpty() ? 0 : Integer.parseInt(columns[2]));
			assertThat(status.milestoneOrder(Chamber.ASSEMBLY)).as(columns[0]).isEqualTo(columns[3].isEmpty() ? 0 : Integer.parseInt(columns[3]));
		}
		assertThat(Arrays.stream(BillStatus.values()).map(Enum::name)).hasSize(16).contains("SESSION_ENDED");
	}

}

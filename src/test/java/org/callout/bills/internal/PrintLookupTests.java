package org.callout.bills.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Whether a typed print exists, asked of a local server speaking Open Legislation's JSON. */
class PrintLookupTests {

	static final OpenLegServer openleg = new OpenLegServer();

	@AfterAll
	static void stop() {
		openleg.close();
	}

	private static PrintLookup lookup(String key) {
		return new PrintLookup(new BillsProperties(Map.of(), new BillsProperties.Openleg(URI.create(openleg.baseUrl()), key,
				null, null, Duration.ofSeconds(2))));
	}

	@Test
	void aPrintOpenLegislationKnowsExistsWhateverItsAmendment() {
		openleg.failWith(OpenLegServer.Failure.NONE);
		openleg.bill("S3076", "A", "IN_SENATE_COMM", "2021-01-28", "Finance", "A2328A", "Julia Salazar", 18);

		assertThat(lookup("key").exists(2021, "S3076A")).isTrue();
		assertThat(openleg.requests).anySatisfy(r -> assertThat(r).startsWith("/api/3/bills/2021/S3076?"));
	}

	@Test
	void aPrintOpenLegislationDoesNotKnowDoesNotExist() {
		openleg.failWith(OpenLegServer.Failure.NONE);

		assertThat(lookup("key").exists(2021, "S99999")).isFalse();
	}

	@Test
	void withoutAKeyOrWhenTheLegislatureFailsThePrintIsTakenAsTyped() {
		openleg.failWith(OpenLegServer.Failure.NONE);
		assertThat(lookup("").exists(2021, "S99999")).isTrue();

		openleg.failWith(OpenLegServer.Failure.SERVER_ERROR);
		assertThat(lookup("key").exists(2021, "S99999")).isTrue();
		openleg.failWith(OpenLegServer.Failure.NONE);
	}

}

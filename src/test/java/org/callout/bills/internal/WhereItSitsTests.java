package org.callout.bills.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.callout.bills.BillStatus.*;

import java.util.EnumMap;
import java.util.Map;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who must act next, for every status of a Senate print and of its same-as Assembly print. */
class WhereItSitsTests {

	@ParameterizedTest(name = "Senate print {0} alone: {1} acts")
	@CsvSource({ "INTRODUCED, SENATE", "IN_SENATE_COMM, SENATE", "SENATE_FLOOR, SENATE", "PASSED_SENATE, ASSEMBLY",
			"IN_ASSEMBLY_COMM, ASSEMBLY", "ASSEMBLY_FLOOR, ASSEMBLY", "PASSED_ASSEMBLY, GOVERNOR", "DELIVERED_TO_GOV, GOVERNOR",
			"SIGNED_BY_GOV, NOBODY", "VETOED, NOBODY", "POCKET_APPROVAL, NOBODY", "STRICKEN, NOBODY", "LOST, NOBODY",
			"SUBSTITUTED, NOBODY", "ADOPTED, NOBODY", "SESSION_ENDED, NOBODY" })
	void aSenatePrintWithoutASameAsBill(BillStatus senate, ActsNext expected) {
		assertThat(WhereItSits.of(statuses(senate, null, false))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "Assembly print {0} alone: {1} acts")
	@CsvSource({ "INTRODUCED, ASSEMBLY", "IN_ASSEMBLY_COMM, ASSEMBLY", "ASSEMBLY_FLOOR, ASSEMBLY", "PASSED_ASSEMBLY, SENATE",
			"IN_SENATE_COMM, SENATE", "SENATE_FLOOR, SENATE", "PASSED_SENATE, GOVERNOR", "DELIVERED_TO_GOV, GOVERNOR",
			"SIGNED_BY_GOV, NOBODY", "VETOED, NOBODY", "POCKET_APPROVAL, NOBODY", "STRICKEN, NOBODY", "LOST, NOBODY",
			"SUBSTITUTED, NOBODY", "ADOPTED, NOBODY", "SESSION_ENDED, NOBODY" })
	void anAssemblyPrintWithoutASameAsBill(BillStatus assembly, ActsNext expected) {
		Map<Chamber, BillStatus> statuses = new EnumMap<>(Chamber.class);
		statuses.put(Chamber.ASSEMBLY, assembly);
		assertThat(WhereItSits.of(statuses)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "Senate {0}, Assembly {1}: {2} acts")
	@CsvSource({ "IN_SENATE_COMM, IN_ASSEMBLY_COMM, BOTH_CHAMBERS", "INTRODUCED, INTRODUCED, BOTH_CHAMBERS",
			"SENATE_FLOOR, ASSEMBLY_FLOOR, BOTH_CHAMBERS",
			// Passed the Senate, the Assembly print still in committee: the Assembly must act.
			"PASSED_SENATE, IN_ASSEMBLY_COMM, ASSEMBLY", "IN_ASSEMBLY_COMM, IN_ASSEMBLY_COMM, ASSEMBLY",
			"IN_SENATE_COMM, PASSED_ASSEMBLY, SENATE", "IN_SENATE_COMM, IN_SENATE_COMM, SENATE",
			// Each house passed its own print: both houses have passed the measure.
			"PASSED_SENATE, PASSED_ASSEMBLY, GOVERNOR", "PASSED_ASSEMBLY, IN_ASSEMBLY_COMM, GOVERNOR",
			"DELIVERED_TO_GOV, SUBSTITUTED, GOVERNOR", "SIGNED_BY_GOV, SUBSTITUTED, NOBODY",
			// A print substituted by its same-as bill, or stricken, leaves the other print to carry on.
			"SUBSTITUTED, PASSED_SENATE, GOVERNOR", "STRICKEN, IN_ASSEMBLY_COMM, ASSEMBLY", "LOST, ASSEMBLY_FLOOR, ASSEMBLY",
			"STRICKEN, STRICKEN, NOBODY", "SESSION_ENDED, SESSION_ENDED, NOBODY", "VETOED, VETOED, NOBODY",
			// After the first year's end, the print re-referred in January carries the bill while the other still
			// says SESSION_ENDED.
			"SESSION_ENDED, IN_ASSEMBLY_COMM, ASSEMBLY", "IN_SENATE_COMM, SESSION_ENDED, SENATE" })
	void aSenatePrintAndItsSameAsAssemblyPrint(BillStatus senate, BillStatus assembly, ActsNext expected) {
		assertThat(WhereItSits.of(statuses(senate, assembly, true))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "unknown Senate status with Assembly {0}: {1}")
	@CsvSource({ "IN_ASSEMBLY_COMM, BOTH_CHAMBERS", "PASSED_ASSEMBLY, SENATE" })
	void aPrintWhoseStatusIsNotKnownYetIsStillAlive(BillStatus assembly, ActsNext expected) {
		assertThat(WhereItSits.of(statuses(null, assembly, true))).isEqualTo(expected);
	}

	private static Map<Chamber, BillStatus> statuses(BillStatus senate, BillStatus assembly, boolean sameAs) {
		Map<Chamber, BillStatus> statuses = new EnumMap<>(Chamber.class);
		statuses.put(Chamber.SENATE, senate);
		if (sameAs) {
			statuses.put(Chamber.ASSEMBLY, assembly);
		}
		return statuses;
	}

}

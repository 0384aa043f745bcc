package org.callout.bills.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.callout.bills.Chamber;
import org.callout.bills.internal.openleg.OpenLegBill;
import org.callout.legislators.Legislators;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Sponsors found in the bundled directory of New York's 213 legislators. */
@H2Database
@SpringBootTest
class SponsorMatcherTests {

	@Autowired
	Legislators legislators;

	private SponsorMatcher matcher(int year) {
		return new SponsorMatcher(legislators, Clock.fixed(Instant.parse(year + "-03-01T12:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void aFullNameIsFoundWhateverItsCaseAndAccents() {
		Long id = matcher(2026).match(member("JULIA SALAZAR", "SALAZAR", 18), Chamber.SENATE, 2021);

		assertThat(legislators.byId(id)).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("Julia Salazar"));
	}

	@Test
	void aFamilyNameAloneIsEnoughWhenOnlyOneMemberOfTheChamberHasIt() {
		Long id = matcher(2026).match(member(null, "REYES", 87), Chamber.ASSEMBLY, 2021);

		assertThat(legislators.byId(id)).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("Karines Reyes"));
	}

	@Test
	void twoMembersSharingAFamilyNameAreToldApartByDistrictOnlyInTheCurrentSession() {
		OpenLegBill.Member brown = member(null, "BROWN", 20);

		Long current = matcher(2026).match(brown, Chamber.ASSEMBLY, 2025);
		Long past = matcher(2026).match(brown, Chamber.ASSEMBLY, 2021);

		assertThat(legislators.byId(current)).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("Ari Brown"));
		// District 20 of 2021 was drawn before the 2022 redistricting: no guess.
		assertThat(past).isNull();
	}

	@Test
	void someoneNotInTheDirectoryStaysUnmatched() {
		assertThat(matcher(2026).match(member("Nobody Atall", "ATALL", 99), Chamber.SENATE, 2021)).isNull();
	}

	private static OpenLegBill.Member member(String fullName, String shortName, int district) {
		return new OpenLegBill.Member("SPONSOR", 1, fullName, shortName, district);
	}

}

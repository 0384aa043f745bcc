package org.callout.campaigns.internal.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.legislators.AnswerSource;
import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.DistrictCandidate;
import org.callout.legislators.Legislator;
import org.callout.legislators.Legislators;
import org.callout.legislators.Representation;
import org.junit.jupiter.api.Test;

class AskPlannerTests {

	private static final Legislator SENATOR = legislator(1, Chamber.UPPER, "59", "Kristen Gonzalez");

	private static final Legislator MEMBER = legislator(2, Chamber.LOWER, "37", "Claire Valdez");

	private static final Legislator OTHER_MEMBER = legislator(3, Chamber.LOWER, "38", "Jenifer Rajkumar");

	private final Legislators legislators = mock(Legislators.class);

	private final CampaignsProperties.Governor governor = new CampaignsProperties.Governor("Kathy Hochul",
			Map.of("en", "Governor"), "518-474-8390", Map.of());

	private final AskPlanner planner = new AskPlanner(legislators, new CampaignsProperties(null, null, governor, null, null, null, false));

	private final AskPlanner withoutGovernor = new AskPlanner(legislators, new CampaignsProperties(null, null, null, null, null, null, false));

	@Test
	void aBillInAssemblyCommitteeAsksForTheAssemblyMemberOnly() {
		Ask ask = planner.plan(AskMode.AUTO, bill(ActsNext.ASSEMBLY, List.of()), exact());

		assertThat(ask.targets()).extracting(Ask.Target::legislator).containsExactly(MEMBER);
		assertThat(ask.findYours()).isFalse();
		assertThat(ask.noCall()).isNull();
	}

	@Test
	void aBillNeitherHouseHasPassedAsksForBothLegislators() {
		Ask ask = planner.plan(AskMode.AUTO, bill(ActsNext.BOTH_CHAMBERS, List.of()), exact());

		assertThat(ask.targets()).extracting(Ask.Target::legislator).containsExactly(SENATOR, MEMBER);
	}

	@Test
	void aCoSponsorIsThankedAndTheOtherLegislatorUrged() {
		Ask ask = planner.plan(AskMode.BOTH, bill(ActsNext.BOTH_CHAMBERS, List.of(SENATOR)), exact());

		assertThat(ask.targets()).extracting(Ask.Target::sponsor).containsExactly(true, false);
	}

	@Test
	void aBillOnTheGovernorsDeskAsksForTheGovernorsOffice() {
		Ask ask = planner.plan(AskMode.AUTO, bill(ActsNext.GOVERNOR, List.of()), exact());

		assertThat(ask.targets()).singleElement().satisfies(target -> assertThat(target.governor()).isTrue());
	}

	@Test
	void withoutAConfiguredGovernorABillOnTheGovernorsDeskAsksForNoCallAndSaysWhy() {
		Ask ask = withoutGovernor.plan(AskMode.AUTO, bill(ActsNext.GOVERNOR, List.of()), exact());

		assertThat(ask.targets()).isEmpty();
		assertThat(ask.noCall()).isEqualTo(Ask.NoCall.NO_GOVERNOR);
	}

	@Test
	void aSignedBillAsksForNoCallBecauseItIsLaw() {
		TrackedBill signed = bill(ActsNext.NOBODY, List.of(), BillStatus.SIGNED_BY_GOV);

		Ask ask = planner.plan(AskMode.AUTO, signed, exact());

		assertThat(ask.targets()).isEmpty();
		assertThat(ask.noCall()).isEqualTo(Ask.NoCall.LAW);
	}

	@Test
	void aBillWhoseSessionEndedAsksForNoCallAndSaysSo() {
		Ask ask = planner.plan(AskMode.AUTO, bill(ActsNext.NOBODY, List.of(), BillStatus.SESSION_ENDED), exact());

		assertThat(ask.noCall()).isEqualTo(Ask.NoCall.SESSION_ENDED);
	}

	@Test
	void unknownDistrictsGiveTheFindYoursLinkAndNoName() {
		Ask ask = planner.plan(AskMode.BOTH, bill(ActsNext.BOTH_CHAMBERS, List.of()), Optional.empty());

		assertThat(ask.targets()).isEmpty();
		assertThat(ask.findYours()).isTrue();
		assertThat(ask.noCall()).isNull();
	}

	@Test
	void anAmbiguousZipGivesEveryCandidateWithTheLinkAndNamesNoOneAsCertain() {
		given(legislators.current(Chamber.LOWER, "37")).willReturn(Optional.of(MEMBER));
		given(legislators.current(Chamber.LOWER, "38")).willReturn(Optional.of(OTHER_MEMBER));
		ChamberAnswer split = new ChamberAnswer(Confidence.AMBIGUOUS, null,
				List.of(new DistrictCandidate("37", null), new DistrictCandidate("38", null)));
		Representation representation = new Representation(9,
				new DistrictAnswer(AnswerSource.ZIP, ChamberAnswer.exact("59"), split, null), Optional.of(SENATOR),
				Optional.empty(), Instant.EPOCH);

		Ask ask = planner.plan(AskMode.ASSEMBLY, bill(ActsNext.ASSEMBLY, List.of(OTHER_MEMBER)), Optional.of(representation));

		assertThat(ask.targets()).isEmpty();
		assertThat(ask.findYours()).isTrue();
		assertThat(ask.ambiguous()).singleElement().satisfies(ambiguity -> {
			assertThat(ambiguity.chamber()).isEqualTo(Chamber.LOWER);
			assertThat(ambiguity.candidates()).extracting(Ask.Candidate::holder).containsExactly(MEMBER, OTHER_MEMBER);
			assertThat(ambiguity.candidates()).extracting(Ask.Candidate::sponsor).containsExactly(false, true);
		});
	}

	@Test
	void aSupporterOutsideNewYorkIsAskedToCallTheGovernorsOfficeInstead() {
		Representation outside = new Representation(9, new DistrictAnswer(AnswerSource.ZIP,
				ChamberAnswer.none(Confidence.OUTSIDE_NY), ChamberAnswer.none(Confidence.OUTSIDE_NY), null), Optional.empty(),
				Optional.empty(), Instant.EPOCH);

		Ask asked = planner.plan(AskMode.AUTO, bill(ActsNext.SENATE, List.of()), Optional.of(outside));
		Ask notAsked = withoutGovernor.plan(AskMode.AUTO, bill(ActsNext.SENATE, List.of()), Optional.of(outside));

		assertThat(asked.outsideNy()).isTrue();
		assertThat(asked.targets()).singleElement().satisfies(target -> assertThat(target.governor()).isTrue());
		assertThat(notAsked.targets()).isEmpty();
		assertThat(notAsked.noCall()).isEqualTo(Ask.NoCall.OUTSIDE_NY);
	}

	@Test
	void theAskCanBeTurnedOffOrPointedAtOneChamberWhereTheTemplateIsUsed() {
		TrackedBill inAssembly = bill(ActsNext.ASSEMBLY, List.of());

		assertThat(planner.plan(AskMode.NONE, inAssembly, exact()).noCall()).isEqualTo(Ask.NoCall.NOT_ASKED);
		assertThat(planner.plan(AskMode.SENATE, inAssembly, exact()).targets()).extracting(Ask.Target::legislator)
			.containsExactly(SENATOR);
		assertThat(planner.plan(AskMode.GOVERNOR, inAssembly, exact()).targets()).singleElement()
			.satisfies(target -> assertThat(target.governor()).isTrue());
	}

	@Test
	void anEmailAboutNoBillAsksForNoCallByDefault() {
		assertThat(planner.plan(AskMode.AUTO, null, exact()).noCall()).isEqualTo(Ask.NoCall.NO_BILL);
		assertThat(planner.plan(AskMode.BOTH, null, exact()).targets()).hasSize(2);
	}

	private static Optional<Representation> exact() {
		return Optional.of(new Representation(9, new DistrictAnswer(AnswerSource.ZIP, ChamberAnswer.exact("59"),
				ChamberAnswer.exact("37"), null), Optional.of(SENATOR), Optional.of(MEMBER), Instant.EPOCH));
	}

	private static TrackedBill bill(ActsNext actsNext, List<Legislator> sponsors) {
		return bill(actsNext, sponsors, BillStatus.IN_ASSEMBLY_COMM);
	}

	private static TrackedBill bill(ActsNext actsNext, List<Legislator> sponsors, BillStatus status) {
		List<TrackedBill.Sponsor> listed = sponsors.stream()
			.map(l -> new TrackedBill.Sponsor("COSPONSOR", l.id(), null, l.name()))
			.toList();
		return new TrackedBill(7, 2025, "New York for All Act", Map.of(), null, List.of(
				new TrackedBill.Print(1, org.callout.bills.Chamber.SENATE, "S3076", "S3076A", status, LocalDate.EPOCH, null, listed),
				new TrackedBill.Print(2, org.callout.bills.Chamber.ASSEMBLY, "A2328", "A2328A", status, LocalDate.EPOCH, null,
						List.of())), actsNext);
	}

	private static Legislator legislator(long id, Chamber chamber, String district, String name) {
		return new Legislator(id, "ocd-person/" + id, "ny", chamber, district, name, "Democratic", "518-455-0000",
				List.of("718-555-0100"), null, List.of(), true, "test", null, Instant.EPOCH);
	}

}

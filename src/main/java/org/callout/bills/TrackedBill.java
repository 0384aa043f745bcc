package org.callout.bills;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A bill as organizers follow it: a Senate print and its same-as Assembly print (either may be absent).
 *
 * @param id its id
 * @param session Open Legislation's session year (the odd year)
 * @param title the title
 * @param summaries a plain-language line per language, for emails
 * @param publicUrl where supporters can read it
 * @param prints its prints, Senate first
 * @param actsNext who must act next
 */
public record TrackedBill(long id, int session, String title, Map<String, String> summaries, URI publicUrl,
		List<Print> prints, ActsNext actsNext) {

	/**
	 * One print of the bill.
	 *
	 * @param id its id
	 * @param chamber its chamber
	 * @param basePrintNo the print as introduced (S3076)
	 * @param activePrintNo the active version (S3076A after an amendment)
	 * @param status its status, or null before any is known
	 * @param statusDate the action date of that status
	 * @param committee the committee named with it, if any
	 * @param sponsors the sponsor first, then co-sponsors and multi-sponsors
	 */
	public record Print(long id, Chamber chamber, String basePrintNo, String activePrintNo, BillStatus status,
			LocalDate statusDate, String committee, List<Sponsor> sponsors) {
	}

	/**
	 * A sponsor of a print.
	 *
	 * @param role SPONSOR, COSPONSOR or MULTISPONSOR
	 * @param legislatorId the legislator in the directory, or null when not matched
	 * @param openlegMemberId Open Legislation's member id, when it came from there
	 * @param name the name as given
	 */
	public record Sponsor(String role, Long legislatorId, Integer openlegMemberId, String name) {
	}

}

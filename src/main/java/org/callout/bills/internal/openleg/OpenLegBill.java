package org.callout.bills.internal.openleg;

import java.time.LocalDate;
import java.util.List;

/**
 * What Callout reads of one Open Legislation bill ({@code GET /api/3/bills/{session}/{printNo}}).
 *
 * @param basePrintNo the base print (S3076)
 * @param session the session year
 * @param activePrintNo the active version (S3076A)
 * @param title the title
 * @param status the status type name, exactly as Open Legislation gives it
 * @param actionDate the status's action date
 * @param committee the committee named with the status, if any
 * @param sameAs the active amendment's same-as prints (A2328A)
 * @param sponsors the sponsor, then the active amendment's co-sponsors and multi-sponsors
 */
public record OpenLegBill(String basePrintNo, int session, String activePrintNo, String title, String status,
		LocalDate actionDate, String committee, List<String> sameAs, List<Member> sponsors) {

	/**
	 * A member as Open Legislation names them.
	 *
	 * @param role SPONSOR, COSPONSOR or MULTISPONSOR
	 * @param memberId Open Legislation's member id
	 * @param fullName the full name
	 * @param shortName the short (usually family) name
	 * @param districtCode the district at the time, which redistricting may have given to someone else since
	 */
	public record Member(String role, Integer memberId, String fullName, String shortName, Integer districtCode) {
	}

}

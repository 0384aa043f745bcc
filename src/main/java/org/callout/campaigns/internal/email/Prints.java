package org.callout.campaigns.internal.email;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callout.bills.Chamber;
import org.callout.bills.TrackedBill;

/** Print numbers as supporters and legislative staff write them: {@code S3076A} is "S.3076-A". */
final class Prints {

	private static final Pattern PRINT = Pattern.compile("([SA])0*(\\d+)([A-Z]?)");

	private Prints() {
	}

	static String written(String printNo) {
		if (printNo == null) {
			return "";
		}
		Matcher matcher = PRINT.matcher(printNo.strip().toUpperCase(java.util.Locale.ROOT));
		if (!matcher.matches()) {
			return printNo;
		}
		return matcher.group(1) + "." + matcher.group(2) + (matcher.group(3).isEmpty() ? "" : "-" + matcher.group(3));
	}

	/** The active print of the bill in {@code chamber}, written, or "". */
	static String in(TrackedBill bill, Chamber chamber) {
		return bill.prints().stream()
			.filter(print -> print.chamber() == chamber)
			.map(print -> written(Objects.requireNonNullElse(print.activePrintNo(), print.basePrintNo())))
			.findFirst()
			.orElse("");
	}

	/** "S.3076-A / A.2328-A", Senate first. */
	static String both(TrackedBill bill) {
		String senate = in(bill, Chamber.SENATE);
		String assembly = in(bill, Chamber.ASSEMBLY);
		return senate.isEmpty() ? assembly : assembly.isEmpty() ? senate : senate + " / " + assembly;
	}

}

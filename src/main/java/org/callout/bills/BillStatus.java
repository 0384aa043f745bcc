package org.callout.bills;

/**
 * Open Legislation's fifteen bill status types, exactly (names, descriptions and milestone order from its
 * {@code BillStatusType} and {@code XmlBillActionAnalyzer}), plus {@link #SESSION_ENDED}: the session closed
 * and the bill had not passed both houses. The milestone orders say how far a print has got: for a Senate
 * print IN_SENATE_COMM is 1 and PASSED_SENATE 3; for an Assembly print the houses swap.
 */
public enum BillStatus {

	INTRODUCED("Introduced", 0, 0),
	IN_ASSEMBLY_COMM("In Assembly Committee", 4, 1),
	IN_SENATE_COMM("In Senate Committee", 1, 4),
	ASSEMBLY_FLOOR("Assembly Floor Calendar", 5, 2),
	SENATE_FLOOR("Senate Floor Calendar", 2, 5),
	PASSED_ASSEMBLY("Passed Assembly", 6, 3),
	PASSED_SENATE("Passed Senate", 3, 6),
	DELIVERED_TO_GOV("Delivered to Governor", 7, 7),
	SIGNED_BY_GOV("Signed by Governor", 8, 8),
	VETOED("Vetoed", 10, 10),
	STRICKEN("Stricken", 0, 0),
	LOST("Lost", 0, 0),
	SUBSTITUTED("Substituted", 0, 0),
	ADOPTED("Adopted", 0, 0),
	POCKET_APPROVAL("Pocket Approval", 9, 9),
	SESSION_ENDED("Session ended without passing both houses", 0, 0);

	private final String description;

	private final int senateOrder;

	private final int assemblyOrder;

	BillStatus(String description, int senateOrder, int assemblyOrder) {
		this.description = description;
		this.senateOrder = senateOrder;
		this.assemblyOrder = assemblyOrder;
	}

	public String description() {
		return description;
	}

	/** How far a print of {@code chamber} with this status has got; 0 where it is not a milestone. */
	public int milestoneOrder(Chamber chamber) {
		return chamber == Chamber.SENATE ? senateOrder : assemblyOrder;
	}

	/** The chamber this status names, if any: Senate statuses go to the Senate print, and so on. */
	public Chamber chamber() {
		return switch (this) {
			case IN_SENATE_COMM, SENATE_FLOOR, PASSED_SENATE -> Chamber.SENATE;
			case IN_ASSEMBLY_COMM, ASSEMBLY_FLOOR, PASSED_ASSEMBLY -> Chamber.ASSEMBLY;
			default -> null;
		};
	}

	/** After this, nobody acts on the bill any more: it became law, was vetoed, or was adopted. */
	public boolean ends() {
		return switch (this) {
			case SIGNED_BY_GOV, VETOED, POCKET_APPROVAL, ADOPTED -> true;
			default -> false;
		};
	}

	/**
	 * This print is not moving, though its same-as bill may (a substitution, a lost vote). A session end counts
	 * here too: after the first year's, the print that is re-referred in January carries the bill on while the
	 * other still says SESSION_ENDED; only when no print is moving does nobody act.
	 */
	public boolean retiresPrint() {
		return this == STRICKEN || this == LOST || this == SUBSTITUTED || this == SESSION_ENDED;
	}

}

package org.callout.subscribers.internal.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.RecordedChoice;
import org.callout.platform.AddressHasher;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.internal.imports.ImportDataStore.Details;
import org.callout.subscribers.internal.imports.ImportDataStore.OnFile;
import org.callout.subscribers.internal.imports.RowPlan.Kind;
import org.callout.subscribers.internal.imports.RowPlan.ListAction;

import org.springframework.stereotype.Component;

/**
 * Decides what a chunk of rows does, reading the database once per table for the whole chunk. A person's own
 * choice always wins over the file: a suppressed address, a "this wasn't me" not followed by a confirmation,
 * and a list they left (an UNSUBSCRIBED membership, or a withdrawal last in the ledger) are skipped. Nothing
 * here writes, so a dry run and a real run plan the same.
 */
@Component
class ImportPlanner {

	private final ImportDataStore data;

	private final ConsentLedger ledger;

	private final AddressHasher hasher;

	ImportPlanner(ImportDataStore data, ConsentLedger ledger, AddressHasher hasher) {
		this.data = data;
		this.ledger = ledger;
		this.hasher = hasher;
	}

	List<RowPlan> plan(List<ImportRow> rows, UpdateMode mode, String defaultLanguage) {
		data.planForCurrentSizes();
		Map<String, String> hashes = new HashMap<>();
		rows.forEach(r -> hashes.put(r.email().matchKey(), hasher.hash(r.email().matchKey())));
		Map<String, OnFile> onFile = data.onFile(hashes.keySet());
		Map<Long, Map<Long, MembershipStatus>> memberships = data.memberships(onFile.values().stream().map(OnFile::id).toList());
		Set<String> suppressed = data.suppressed(hashes.values());
		Map<String, List<RecordedChoice>> choices = new HashMap<>();
		ledger.choicesOf(hashes.values()).forEach(c -> choices.computeIfAbsent(c.addressHash(), h -> new ArrayList<>()).add(c));
		List<RowPlan> plans = new ArrayList<>(rows.size());
		for (ImportRow row : rows) {
			String hash = hashes.get(row.email().matchKey());
			OnFile known = onFile.get(row.email().matchKey());
			Map<Long, MembershipStatus> current = known == null ? Map.of() : memberships.getOrDefault(known.id(), Map.of());
			plans.add(plan(row, hash, known, current, suppressed.contains(hash), choices.getOrDefault(hash, List.of()), mode,
					defaultLanguage));
		}
		return plans;
	}

	private RowPlan plan(ImportRow row, String hash, OnFile known, Map<Long, MembershipStatus> current, boolean suppressed,
			List<RecordedChoice> history, UpdateMode mode, String defaultLanguage) {
		String email = row.email().value();
		if (suppressed) {
			return skip(row, hash, known, "suppressed");
		}
		if (disowned(history)) {
			return skip(row, hash, known, "reported not me");
		}
		List<ListAction> actions = new ArrayList<>();
		List<String> left = new ArrayList<>();
		for (SubscriberList list : row.lists()) {
			MembershipStatus status = current.get(list.id());
			if (status == MembershipStatus.UNSUBSCRIBED || withdrawn(history, list.id())) {
				left.add(list.slug());
			}
			else if (status == null) {
				actions.add(new ListAction(list.id(), row.confirmed() ? Kind.JOIN_CONFIRMED : Kind.JOIN_UNCONFIRMED));
			}
			else if (status == MembershipStatus.UNCONFIRMED && row.confirmed()) {
				actions.add(new ListAction(list.id(), Kind.CONFIRM));
			}
		}
		if (left.size() == row.lists().size()) {
			return skip(row, hash, known, "unsubscribed");
		}
		Details before = known == null ? null : known.details();
		Details after = merge(before, row, mode, defaultLanguage);
		boolean detailsChanged = !after.equals(before);
		boolean confirmedBefore = current.containsValue(MembershipStatus.CONFIRMED);
		boolean confirmedNow = actions.stream().anyMatch(a -> a.kind() != Kind.JOIN_UNCONFIRMED);
		boolean addressChanged = before == null || !Objects.equals(before.zip(), after.zip())
				|| !Objects.equals(before.streetAddress(), after.streetAddress());
		boolean hasAddress = after.zip() != null || after.streetAddress() != null;
		boolean lookUp = hasAddress && (confirmedNow || confirmedBefore) && (addressChanged || confirmedNow && !confirmedBefore);
		RowResult.Outcome outcome = known == null ? RowResult.Outcome.NEW
				: detailsChanged || !actions.isEmpty() ? RowResult.Outcome.UPDATED : RowResult.Outcome.UNCHANGED;
		RowResult result = new RowResult(row.row(), email, outcome, null, null, List.copyOf(left));
		return new RowPlan(row, result, hash, known == null ? null : known.id(), detailsChanged ? after : null,
				after.language(), List.copyOf(actions), lookUp);
	}

	private static RowPlan skip(ImportRow row, String hash, OnFile known, String reason) {
		return new RowPlan(row, RowResult.skipped(row.row(), row.email().value(), reason), hash, known == null ? null : known.id(),
				null, null, List.of(), false);
	}

	/** A "this wasn't me" stands until the owner confirms something themselves afterwards. */
	private static boolean disowned(List<RecordedChoice> history) {
		boolean disowned = false;
		for (RecordedChoice choice : history) {
			if (choice.kind() == ConsentKind.REPORTED_NOT_ME) {
				disowned = true;
			}
			else if (choice.kind() == ConsentKind.CONFIRMED) {
				disowned = false;
			}
		}
		return disowned;
	}

	/** Whether the last word on this list was a withdrawal (also after the subscriber's erasure). */
	private static boolean withdrawn(List<RecordedChoice> history, long listId) {
		ConsentKind last = null;
		for (RecordedChoice choice : history) {
			if (choice.listId() == listId) {
				last = choice.kind();
			}
		}
		return last == ConsentKind.WITHDRAWN;
	}

	static Details merge(Details before, ImportRow row, UpdateMode mode, String defaultLanguage) {
		if (before == null) {
			return new Details(row.firstName(), row.lastName(), row.zip(), row.streetAddress(),
					row.language() == null ? defaultLanguage : row.language());
		}
		return switch (mode) {
			case NONE -> before;
			case FILL_BLANKS -> new Details(either(before.firstName(), row.firstName()), either(before.lastName(), row.lastName()),
					either(before.zip(), row.zip()), either(before.streetAddress(), row.streetAddress()), before.language());
			case OVERWRITE -> new Details(either(row.firstName(), before.firstName()), either(row.lastName(), before.lastName()),
					either(row.zip(), before.zip()), either(row.streetAddress(), before.streetAddress()),
					either(row.language(), before.language()));
		};
	}

	private static String either(String preferred, String otherwise) {
		return preferred != null ? preferred : otherwise;
	}

}

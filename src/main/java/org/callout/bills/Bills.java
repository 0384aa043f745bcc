package org.callout.bills;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.internal.BillViews;

import org.springframework.stereotype.Service;

/** The tracked bills, as other modules read them (campaigns: the bill's words, where it sits, its sponsors). */
@Service
public class Bills {

	private final BillViews views;

	Bills(BillViews views) {
		this.views = views;
	}

	public Optional<TrackedBill> find(long id) {
		return views.find(id);
	}

	public List<TrackedBill> all() {
		return views.all();
	}

	/** Who must act next for a bill whose prints have these statuses (absent chambers have no entry). */
	public static ActsNext actsNext(Map<Chamber, BillStatus> statuses) {
		Map<Chamber, BillStatus> copy = new EnumMap<>(Chamber.class);
		copy.putAll(statuses);
		return BillViews.actsNext(copy);
	}

}

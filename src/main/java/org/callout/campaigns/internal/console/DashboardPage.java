package org.callout.campaigns.internal.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.bills.Bills;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.BlastProgress;
import org.callout.campaigns.internal.blasts.Blast;
import org.callout.campaigns.internal.blasts.BlastState;
import org.callout.campaigns.internal.blasts.Blasts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console}: where a signed-in organizer lands. Here, not in the console module, because it reads bills
 * and blasts, which only campaigns may see.
 */
@Controller
@org.callout.platform.ConsolePage
class DashboardPage {

	private static final int SHOWN = 20;

	private final Bills bills;

	private final Blasts blasts;

	private final ObjectProvider<BlastProgress> progress;

	DashboardPage(Bills bills, Blasts blasts, ObjectProvider<BlastProgress> progress) {
		this.bills = bills;
		this.blasts = blasts;
		this.progress = progress;
	}

	/** A blast as the dashboard lists it: its bill's prints, and the engine's counts once it has them. */
	record Row(Blast blast, String bill, BlastProgress.Counts counts, String starts) {
	}

	private static final java.time.format.DateTimeFormatter WALL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** When it starts on the wall clock of the zone it was scheduled in. */
	private static String starts(Blast blast) {
		return blast.startAt() == null ? null : WALL.format(blast.startAt().atZone(java.time.ZoneId.of(blast.startZone())));
	}

	/** {@code ?stale}: a sign-out form had expired, so the organizer is still signed in and is told so. */
	@GetMapping("/console")
	String dashboard(@RequestParam(required = false) String stale, Model model) {
		model.addAttribute("note", stale != null ? "console.note.stale" : null);
		List<TrackedBill> tracked = bills.all();
		Map<Long, String> names = new LinkedHashMap<>();
		tracked.forEach(b -> names.put(b.id(), String.join(" / ", b.prints().stream().map(TrackedBill.Print::activePrintNo).toList())));
		model.addAttribute("bills", tracked);
		model.addAttribute("awaiting", rows(names, BlastState.AWAITING_APPROVAL));
		model.addAttribute("upcoming", rows(names, BlastState.SENDING, BlastState.PAUSED, BlastState.READY, BlastState.SCHEDULED));
		model.addAttribute("finished", rows(names, BlastState.SENT, BlastState.CANCELLED, BlastState.EXPIRED));
		return "console/dashboard/dashboard";
	}

	private List<Row> rows(Map<Long, String> names, BlastState... states) {
		List<Blast> found = new ArrayList<>();
		for (BlastState state : states) {
			found.addAll(blasts.inState(state, SHOWN));
		}
		BlastProgress engine = progress.getIfAvailable();
		return found.stream()
			.sorted(Comparator.comparingLong(Blast::id).reversed())
			.limit(SHOWN)
			.map(b -> new Row(b, b.billId() == null ? null : names.get(b.billId()),
					engine == null || b.state() == BlastState.SCHEDULED || b.state() == BlastState.AWAITING_APPROVAL ? null
							: engine.counts(b.id()).orElse(null), starts(b)))
			.toList();
	}

}

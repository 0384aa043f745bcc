package org.callout.campaigns.internal.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.campaigns.BlastProgress;
import org.callout.campaigns.internal.blasts.Blast;
import org.callout.campaigns.internal.blasts.BlastState;
import org.callout.campaigns.internal.blasts.Blasts;
import org.callout.campaigns.internal.calls.CallTallies;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the blast page shows: the blast, its audience, the engine's counts and troubles, the calls reported. */
@Component
class BlastPageModel {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

	/** The most deferred and failed records the page lists; the API pages through all of them. */
	private static final int TROUBLES = 50;

	private final Blasts blasts;

	private final CallTallies calls;

	private final ObjectProvider<BlastProgress> progress;

	BlastPageModel(Blasts blasts, CallTallies calls, ObjectProvider<BlastProgress> progress) {
		this.blasts = blasts;
		this.calls = calls;
		this.progress = progress;
	}

	Blast find(long id) {
		return blasts.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The buttons the state table allows in this state, in the order the page shows them. */
	static List<String> buttons(BlastState state) {
		List<String> buttons = new ArrayList<>();
		if (state == BlastState.DRAFT) {
			buttons.add("submit");
		}
		if (state == BlastState.AWAITING_APPROVAL) {
			buttons.add("approve");
		}
		if (state == BlastState.DRAFT || state.canMoveTo(BlastState.SCHEDULED)) {
			buttons.add("reschedule");
		}
		if (state.canMoveTo(BlastState.PAUSED)) {
			buttons.add("pause");
		}
		// READY may become SENDING too, but only the engine starts a blast.
		if (state == BlastState.PAUSED) {
			buttons.add("resume");
		}
		if (state.canMoveTo(BlastState.CANCELLED)) {
			buttons.add("cancel");
		}
		return buttons;
	}

	void fill(Model model, Blast blast) {
		ZoneId zone = zone(blast);
		model.addAttribute("blast", blast);
		model.addAttribute("buttons", buttons(blast.state()));
		model.addAttribute("startAt", shown(blast.startAt(), zone));
		model.addAttribute("sendBy", shown(blast.sendBy(), zone));
		model.addAttribute("createdAt", shown(blast.createdAt(), zone));
		boolean before = blast.state() == BlastState.DRAFT || blast.state() == BlastState.AWAITING_APPROVAL
				|| blast.state() == BlastState.SCHEDULED || blast.state() == BlastState.READY;
		// Counting the audience is one query over three tables: done while the number can still change a decision.
		model.addAttribute("audience", before ? blasts.audience(blast) : null);
		Optional<BlastProgress.Counts> counts = counts(blast.id());
		model.addAttribute("counts", counts.orElse(null));
		model.addAttribute("done", counts.map(c -> c.total() - c.pending()).orElse(0L));
		BlastProgress engine = progress.getIfAvailable();
		model.addAttribute("troubles", engine == null ? List.of() : engine.troubles(blast.id(), TROUBLES).stream()
			.map(t -> new Trouble(t, shown(t.nextAttemptAt(), zone), shown(t.updatedAt(), zone)))
			.toList());
		List<CallTallies.Target> targets = calls.perTarget(blast.id());
		model.addAttribute("calls", targets);
		model.addAttribute("callsMost", targets.stream().mapToLong(CallTallies.Target::total).max().orElse(0));
	}

	/** A trouble with its times shown in the blast's zone. */
	record Trouble(BlastProgress.Trouble record, String nextAttemptAt, String updatedAt) {
	}

	Optional<BlastProgress.Counts> counts(long id) {
		BlastProgress engine = progress.getIfAvailable();
		return engine == null ? Optional.empty() : engine.counts(id);
	}

	/** What the page's script polls: the state and the engine's counts. */
	Map<String, Object> progress(Blast blast) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("state", blast.state().name());
		view.put("final", blast.state().isFinal());
		counts(blast.id()).ifPresent(c -> {
			view.put("total", c.total());
			view.put("sent", c.sent());
			view.put("deferred", c.deferred());
			view.put("failed", c.failed());
			view.put("skipped", c.skipped());
			view.put("expired", c.expired());
			view.put("pending", c.pending());
			view.put("done", c.total() - c.pending());
			view.put("perSecond", c.perSecond());
			view.put("estimatedFinish", shown(c.estimatedFinish(), zone(blast)));
		});
		return view;
	}

	private static ZoneId zone(Blast blast) {
		try {
			return blast.startZone() == null ? ZoneId.of("America/New_York") : ZoneId.of(blast.startZone());
		}
		catch (RuntimeException ex) {
			return ZoneId.of("America/New_York");
		}
	}

	static String shown(Instant at, ZoneId zone) {
		return at == null ? null : SHOWN.format(at.atZone(zone));
	}

}

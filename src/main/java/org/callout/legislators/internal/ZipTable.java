package org.callout.legislators.internal;

import java.time.Clock;
import java.util.List;

import org.callout.legislators.AnswerSource;
import org.callout.legislators.Chamber;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.DistrictCandidate;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Districts from the ZIP code alone. A ZIP inside one district is exact; one touching several is ambiguous:
 * with land shares the largest is the best guess, without them no candidate is presented as the answer. A
 * New York ZIP without a ZIP area (PO boxes) is unknown; any other ZIP is outside New York.
 */
@Component
@Order(200)
class ZipTable implements DistrictFinder {

	private final ZipTableStore store;

	private final Clock clock;

	ZipTable(ZipTableStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public Result find(String zip, String street) {
		return Result.answered(answer(zip));
	}

	DistrictAnswer answer(String zip) {
		return new DistrictAnswer(AnswerSource.ZIP, chamber(Chamber.UPPER, zip), chamber(Chamber.LOWER, zip), null);
	}

	private ChamberAnswer chamber(Chamber chamber, String zip) {
		List<DistrictCandidate> candidates = store.candidates(chamber, zip);
		if (candidates.isEmpty()) {
			return ChamberAnswer.none(Zips.newYork(zip) ? Confidence.UNKNOWN : Confidence.OUTSIDE_NY);
		}
		if (candidates.size() == 1) {
			return ChamberAnswer.exact(candidates.getFirst().district());
		}
		DistrictCandidate largest = candidates.getFirst();
		return new ChamberAnswer(Confidence.AMBIGUOUS, largest.landShare() == null ? null : largest.district(), candidates);
	}

	/** Replaces a chamber's table with a relationship file's pairs. */
	@Transactional
	public ZctaFile.Parsed load(ImportFile file, String source) {
		ZctaFile.Parsed parsed = ZctaFile.parse(file);
		if (parsed.pairs().isEmpty()) {
			throw new ImportRefusedException(file.name() + " has no New York rows; the table was not changed");
		}
		store.replace(parsed.chamber(), parsed.pairs(), source, clock.instant());
		return parsed;
	}

	boolean isEmpty() {
		return store.count(Chamber.UPPER) == 0 || store.count(Chamber.LOWER) == 0;
	}

}

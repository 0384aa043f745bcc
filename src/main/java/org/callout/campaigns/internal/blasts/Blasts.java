package org.callout.campaigns.internal.blasts;

import java.util.List;
import java.util.Optional;

import org.callout.bills.Bills;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.campaigns.internal.email.CampaignModel;

import org.springframework.stereotype.Service;

/** Reading blasts from elsewhere in the module (the call page, its counts) without reaching into the store. */
@Service
public class Blasts {

	private final BlastStore store;

	private final Bills bills;

	private final AudienceCounts audiences;

	Blasts(BlastStore store, Bills bills, AudienceCounts audiences) {
		this.store = store;
		this.bills = bills;
		this.audiences = audiences;
	}

	/** The newest first, at most {@code limit}; all states when {@code state} is null. */
	public java.util.List<Blast> list(BlastState state, int limit) {
		return store.list(null, state, limit);
	}

	/** Who the blast would reach if it started now: what an organizer looks at before approving. */
	public AudienceCounts.Counts audience(Blast blast) {
		return audiences.count(blast.audience());
	}

	/**
	 * What the blast's emails are about, from what it keeps (its bill, status change, ask and who had to act): one
	 * place for the preview and the engine, so an approval is of what will be sent.
	 */
	public CampaignModel.About about(Blast blast) {
		return new CampaignModel.About(blast.billId() == null ? null : bills.find(blast.billId()).orElse(null),
				blast.from(), blast.to(), AskMode.of(blast.ask()).orElse(AskMode.AUTO), blast.actsNext());
	}

	public Optional<Blast> find(long id) {
		return store.find(id);
	}

	/** The latest blasts in this state, newest first: what the console's dashboard lists. */
	public List<Blast> inState(BlastState state, int limit) {
		return store.list(null, state, limit);
	}

}

package org.callout.campaigns.internal.calls;

import java.util.List;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What the person reported from their call pages: whom they called, with what outcome, when. */
@Component
@Order(300)
class CallReportsPersonalData implements PersonalData {

	private final CallReportStore store;

	CallReportsPersonalData(CallReportStore store) {
		this.store = store;
	}

	@Override
	public String section() {
		return "callReports";
	}

	@Override
	public List<CallReportStore.Report> describe(PersonRef person) {
		return person.subscriberIds().stream().flatMap(id -> store.of(id).stream()).toList();
	}

	@Override
	public void erase(PersonRef person) {
		person.subscriberIds().forEach(store::deleteOf);
	}

}

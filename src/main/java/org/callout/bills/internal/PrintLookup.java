package org.callout.bills.internal;

import org.callout.bills.internal.openleg.OpenLegClient;
import org.callout.bills.internal.openleg.OpenLegException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Asks Open Legislation, when a key is configured, whether a print an organizer typed exists, so a typo is caught
 * at the form rather than by the poller skipping it later. Only a clear "no such bill" counts: when the legislature
 * cannot be asked (no key, down, slow), the print is taken as typed and the poller checks it.
 */
@Component
public class PrintLookup {

	private static final Logger log = LoggerFactory.getLogger(PrintLookup.class);

	private final OpenLegClient client;

	public PrintLookup(BillsProperties properties) {
		BillsProperties.Openleg settings = properties.openleg();
		this.client = settings.configured() ? new OpenLegClient(settings.baseUrl(), settings.apiKey(), settings.timeout()) : null;
	}

	/** False only when Open Legislation says it has no such bill in that session; a malformed print is true. */
	public boolean exists(Integer session, String printNo) {
		PrintNumber print = PrintNumber.parse(printNo).orElse(null);
		if (client == null || session == null || print == null) {
			return true;
		}
		try {
			client.bill(session, print.base());
			return true;
		}
		catch (OpenLegException ex) {
			if (ex.kind() == OpenLegException.Kind.NOT_FOUND) {
				return false;
			}
			log.info("Could not ask Open Legislation about {} of {} ({}): tracked as typed", print.base(), session, ex.kind());
			return true;
		}
	}

}

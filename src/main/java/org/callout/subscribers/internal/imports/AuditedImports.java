package org.callout.subscribers.internal.imports;

import java.io.InputStream;
import java.util.Map;

import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;

import org.springframework.stereotype.Service;

/**
 * An import run as an organizer asked for it, API or console, with its one audit entry: one place, so both
 * channels record the same action alike.
 */
@Service
public class AuditedImports {

	private final SupporterImporter importer;

	private final AuditLog audit;

	AuditedImports(SupporterImporter importer, AuditLog audit) {
		this.importer = importer;
		this.audit = audit;
	}

	public ImportResult run(InputStream body, SupporterImporter.Options options) {
		ImportResult result;
		try {
			result = importer.run(body, options);
		}
		catch (RuntimeException failed) {
			// The chunks committed before the failure stay: the log must say an import wrote part of a file. A refusal
			// of the whole file (RequestRefusedException) is recorded as refused by the platform's problem handler.
			if (!options.dryRun() && !(failed instanceof RequestRefusedException)) {
				audit.refused("subscribers.import", "import", "failed part-way: " + failed.getClass().getSimpleName()
						+ " (see GET /api/v1/subscribers/imports for the run's counts)");
			}
			throw failed;
		}
		// After the run, not in one transaction with it: an import commits chunk by chunk, so what it wrote is kept
		// whatever happens next, and the entry says what it did. A dry run writes nothing and is not recorded.
		if (!options.dryRun()) {
			ImportStatus.Counts counts = result.importRun().counts();
			audit.record("subscribers.import", "import:" + result.importRun().id(), Map.of("update", result.importRun().update(),
					"list", options.list().slug(), "rows", result.importRun().total(), "new", counts.created(), "updated",
					counts.updated(), "skipped", counts.skipped(), "refused", counts.refused()));
		}
		return result;
	}

}

package org.callout.legislators.internal;

import java.util.Locale;
import java.util.Map;

import org.callout.platform.AuditLog;

import org.springframework.stereotype.Service;

/** A directory import an organizer asked for, API or console, with its one audit entry (dry runs too). */
@Service
public class AuditedLegislatorImports {

	private final LegislatorImports imports;

	private final AuditLog audit;

	AuditedLegislatorImports(LegislatorImports imports, AuditLog audit) {
		this.imports = imports;
		this.audit = audit;
	}

	/**
	 * @param format csv or yaml
	 * @param mode full or partial
	 * @throws ImportRefusedException when the source cannot be read or imported; nothing is written or recorded
	 */
	public ImportReport run(String source, String format, String mode, boolean dryRun) {
		ImportReport report = imports.run(source, format, LegislatorImporter.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), dryRun);
		// After the import commits (its own transaction, after the download): a refused import leaves no entry.
		audit.record("legislators.import", "legislators", Map.of("source", withoutQuery(source), "mode", mode, "dryRun",
				report.dryRun(), "added", report.added(), "changed", report.changed(), "retired", report.retired(), "errors",
				report.errors().size()));
		return report;
	}

	/** A source URL's query string may carry a key: the audit log keeps the rest. */
	static String withoutQuery(String source) {
		String stripped = source.strip();
		int query = stripped.indexOf('?');
		return query < 0 ? stripped : stripped.substring(0, query) + "?…";
	}

}

package org.callout.subscribers.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.callout.consent.ConsentSummaries;
import org.callout.consent.ConsentSummary;
import org.callout.platform.CsvCells;
import org.callout.subscribers.SubscriberExportColumns;

import org.springframework.stereotype.Component;

/**
 * Writes subscribers as CSV a page at a time: each page's memberships, consent and other modules' columns are read
 * for that page's id range only, so memory holds one page whatever the list's size, and each page is flushed to
 * the client before the next is read.
 */
@Component
class SubscriberExporter {

	static final int PAGE = 1_000;

	private static final List<String> OWN_HEADERS = List.of("email", "first_name", "last_name", "zip", "street_address",
			"language", "lists", "memberships", "suppressed", "subscribed_at", "consented_at", "consent_terms_version",
			"consent_source", "confirmed_at", "withdrawn_at");

	private final ExportStore store;

	private final ConsentSummaries consent;

	private final List<SubscriberExportColumns> others;

	SubscriberExporter(ExportStore store, ConsentSummaries consent, List<SubscriberExportColumns> others) {
		this.store = store;
		this.consent = consent;
		this.others = others;
	}

	long count(ExportFilter filter) {
		return store.count(filter);
	}

	void write(ExportFilter filter, Writer out, ExportProgress.Export progress) throws IOException {
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
		List<String> headers = new ArrayList<>(OWN_HEADERS);
		others.forEach(other -> headers.addAll(other.headers()));
		csv.printRecord(headers);
		long after = 0;
		List<ExportStore.Row> page;
		while (!(page = store.page(filter, after, PAGE)).isEmpty()) {
			long first = page.getFirst().id();
			after = page.getLast().id();
			writePage(csv, page, first, after);
			csv.flush();
			progress.written.addAndGet(page.size());
		}
		csv.flush();
	}

	private void writePage(CSVPrinter csv, List<ExportStore.Row> page, long first, long last) throws IOException {
		Map<Long, List<String>> memberships = store.memberships(first, last);
		Map<Long, ConsentSummary> summaries = consent.between(first, last);
		List<Map<Long, List<String>>> columns = others.stream().map(other -> other.between(first, last)).toList();
		for (ExportStore.Row row : page) {
			List<String> cells = new ArrayList<>(OWN_HEADERS.size() + 8);
			List<String> standing = memberships.getOrDefault(row.id(), List.of());
			ConsentSummary summary = summaries.get(row.id());
			cells.add(CsvCells.text(row.email()));
			cells.add(CsvCells.text(row.firstName()));
			cells.add(CsvCells.text(row.lastName()));
			cells.add(CsvCells.text(row.zip()));
			cells.add(CsvCells.text(row.streetAddress()));
			cells.add(row.language());
			cells.add(standing.stream().filter(m -> !m.endsWith("=UNSUBSCRIBED")).map(m -> m.substring(0, m.indexOf('=')))
				.collect(Collectors.joining(";")));
			cells.add(String.join(";", standing));
			cells.add(Boolean.toString(row.suppressed()));
			cells.add(time(row.createdAt()));
			cells.add(summary == null ? null : time(summary.grantedAt()));
			cells.add(summary == null ? null : summary.termsVersion());
			cells.add(summary == null ? null : summary.source());
			cells.add(summary == null ? null : time(summary.confirmedAt()));
			cells.add(summary == null ? null : time(summary.withdrawnAt()));
			for (int i = 0; i < others.size(); i++) {
				List<String> theirs = columns.get(i).get(row.id());
				for (int c = 0; c < others.get(i).headers().size(); c++) {
					cells.add(theirs == null ? null : CsvCells.text(theirs.get(c)));
				}
			}
			csv.printRecord(cells);
		}
	}

	private static String time(Instant at) {
		return at == null ? null : at.toString();
	}

}

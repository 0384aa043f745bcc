package org.callout.subscribers.internal.imports;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.Claims;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.internal.PersonWrites;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.SubscribersImported;
import org.callout.subscribers.SubscribersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: reads and checks the whole file first (a file refused whole writes nothing, not even its
 * progress row), then plans and writes it chunk by chunk, each chunk in its own transaction together with the
 * progress row, so other requests watch it advance. A dry run plans the same chunks and writes none. Idempotent:
 * a second run of one file finds everything on file and plans nothing.
 */
@Service
public class SupporterImporter {

	/**
	 * @param dryRun plan only
	 * @param update what to do with details on file
	 * @param list the list of rows whose {@code lists} cell is absent or empty
	 * @param allRows answer every row, not only the notable ones
	 */
	public record Options(boolean dryRun, UpdateMode update, SubscriberList list, boolean allRows) {
	}

	private static final Logger log = LoggerFactory.getLogger(SupporterImporter.class);

	private final ImportPlanner planner;

	private final ImportWriter writer;

	private final ImportStore store;

	private final SubscriberLists lists;

	private final SupportedLanguages languages;

	private final ConsentTermsCatalog terms;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final String instance;

	private final int chunkSize;

	private final Clock clock;

	private final PersonWrites personWrites;

	SupporterImporter(ImportPlanner planner, ImportWriter writer, ImportStore store, SubscriberLists lists,
			SupportedLanguages languages, ConsentTermsCatalog terms, TransactionTemplate transactions,
			ApplicationEventPublisher events, Claims claims, SubscribersProperties properties, Clock clock, PersonWrites personWrites) {
		this.personWrites = personWrites;
		this.planner = planner;
		this.writer = writer;
		this.store = store;
		this.lists = lists;
		this.languages = languages;
		this.terms = terms;
		this.transactions = transactions;
		this.events = events;
		this.instance = claims.instanceId();
		this.chunkSize = properties.imports().chunkSize();
		this.clock = clock;
	}

	public ImportResult run(InputStream body, Options options) {
		Instant now = clock.instant();
		Map<String, SubscriberList> bySlug = lists.all().stream().collect(Collectors.toMap(SubscriberList::slug, Function.identity()));
		ImportFileReader.ParsedFile file = ImportFileReader.read(body,
				columns -> new RowValidator(columns, bySlug, List.of(options.list()), languages, terms, now));
		long id = store.start(options.dryRun(), options.update(), options.list().slug(), instance, file.total(), file.refused().size(), now);
		List<RowResult> results = new ArrayList<>(file.refused());
		Tally tally = Tally.of(file.refused());
		try {
			List<ImportRow> rows = file.rows();
			for (int from = 0; from < rows.size(); from += chunkSize) {
				List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
				Tally before = tally;
				List<RowResult> done = transactions.execute(tx -> {
					if (!options.dryRun()) {
						personWrites.lock(); // Planned and written with no erasure in between (migration V88).
					}
					List<RowPlan> plans = planner.plan(chunk, options.update(), languages.defaultLanguage());
					if (!options.dryRun()) {
						writer.write(id, plans, now);
					}
					List<RowResult> chunkResults = plans.stream().map(RowPlan::result).toList();
					Tally after = before.plus(Tally.of(chunkResults));
					store.progress(id, after.rows(), after);
					return chunkResults;
				});
				results.addAll(done);
				tally = tally.plus(Tally.of(done));
			}
			transactions.executeWithoutResult(tx -> {
				store.finish(id, "done", clock.instant());
				if (!options.dryRun()) {
					events.publishEvent(new SubscribersImported(id, clock.instant()));
				}
			});
		}
		catch (RuntimeException ex) {
			store.finish(id, "failed", clock.instant());
			log.warn("Import {} failed after {} of {} rows; the chunks written stay, and a re-run is safe", id, tally.rows(),
					file.total(), ex);
			throw ex;
		}
		log.info("Import {}{}: {} rows, {}", id, options.dryRun() ? " (dry run)" : "", file.total(), tally);
		results.sort(Comparator.comparingInt(RowResult::row));
		List<RowResult> shown = options.allRows() ? results : results.stream().filter(r -> !r.plain()).toList();
		return new ImportResult(store.find(id).orElseThrow(), file.unknownColumns(), shown);
	}

	public ImportStatus status(long id) {
		return store.find(id).orElse(null);
	}

}

package org.callout.campaigns.internal.templates;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign templates: file defaults (version 0) and the organizers' copies, each save a new version that
 * stays readable by its number for good, so whatever sent a version can show its exact words later.
 */
public class CampaignTemplates {

	private static final int SAVE_ATTEMPTS = 10;

	private final TemplateStore store;

	private final FileTemplates files;

	private final TemplateChecker checker;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CampaignTemplates(TemplateStore store, FileTemplates files, TemplateChecker checker, TransactionTemplate transactions,
			Clock clock) {
		this.store = store;
		this.files = files;
		this.checker = checker;
		// Each attempt in a transaction of its own: joined to a caller's (a blast being made), a duplicate key would
		// mark that whole transaction for rollback (on PostgreSQL, abort it) and no retry could succeed.
		this.transactions = new TransactionTemplate(transactions.getTransactionManager());
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The organizer's newest version not deleted since, else the file default, else empty. */
	public Optional<TemplateVersion> current(String name) {
		if (!TemplateChecker.validName(name)) {
			return Optional.empty();
		}
		return store.latestVisible(name).flatMap(version -> store.find(name, version)).or(() -> files.find(name));
	}

	/**
	 * Version {@code n} of {@code name}: any stored version, deleted or not; 0 is the file default as it is now
	 * (use {@link #pin} for words that must not change).
	 */
	public Optional<TemplateVersion> version(String name, int n) {
		if (!TemplateChecker.validName(name) || n < 0) {
			return Optional.empty();
		}
		return n == 0 ? files.find(name) : store.find(name, n);
	}

	/** Every stored version of {@code name}, oldest first, without its parts. */
	public List<StoredVersion> versions(String name) {
		return TemplateChecker.validName(name) ? store.versions(name) : List.of();
	}

	/** Every template {@link #current} serves, by name. */
	public List<TemplateSummary> list() {
		TreeSet<String> names = new TreeSet<>(store.visibleNames());
		names.addAll(files.names());
		return names.stream().flatMap(name -> current(name).stream()).map(this::summary).toList();
	}

	/**
	 * Saves a new version by an organizer.
	 *
	 * @throws org.callout.platform.RequestRefusedException (400) naming every problem; nothing is saved then
	 */
	public SavedTemplate save(String name, Map<String, Parts> languages) {
		TemplateChecker.Result result = checker.check(name, languages);
		if (!result.ok()) {
			throw TemplateProblem.refusal(result.problems());
		}
		Map<String, Parts> sorted = new TreeMap<>(languages);
		TemplateVersion saved = retried(() -> store.append(name, "api", now(), sorted, TemplateHash.of(sorted)));
		return new SavedTemplate(saved, result.fallbacks(), result.warnings());
	}

	/**
	 * What {@link #save} would refuse in these words, without saving: for an editor that checks as the organizer
	 * types and for a preview of words not saved yet.
	 */
	public List<TemplateProblem> check(String name, Map<String, Parts> languages) {
		return checker.check(name, languages).problems();
	}

	/**
	 * Hides the organizer's versions, so the file default (if any) applies again; they stay readable by number.
	 *
	 * @return false when there was no organizer copy to hide
	 */
	public boolean delete(String name) {
		if (!TemplateChecker.validName(name)) {
			return false;
		}
		return Boolean.TRUE.equals(transactions.execute(tx -> {
			Optional<Integer> latest = store.latestVisible(name);
			latest.ifPresent(version -> store.recordDeletion(name, version, now()));
			return latest.isPresent();
		}));
	}

	/**
	 * The current version, as a stored version whose words never change: an organizer copy as it is; a file
	 * default is copied into the database (origin {@code file}), reusing an identical copy stored before.
	 */
	public Optional<TemplateVersion> pin(String name) {
		Optional<TemplateVersion> current = current(name);
		if (current.isEmpty() || current.get().version() > 0) {
			return current;
		}
		TemplateVersion file = current.get();
		String hash = TemplateHash.of(file.languages());
		return Optional.of(retried(() -> store.fileCopy(name, hash)
			.flatMap(version -> store.find(name, version))
			.orElseGet(() -> store.append(name, "file", now(), new TreeMap<>(file.languages()), hash))));
	}

	/** Each offered language {@code version} lacks, and the language those supporters get instead. */
	public Map<String, String> fallbacks(TemplateVersion version) {
		return checker.fallbacks(version.languages().keySet());
	}

	/**
	 * Problems a version has: none for a stored one (checked on save); a file default (or a copy of one) may have
	 * any, as files are edited by hand. Check before sending.
	 */
	public List<TemplateProblem> problems(TemplateVersion version) {
		return version.origin().equals("file") ? checker.check(version.name(), version.languages()).problems() : List.of();
	}

	private TemplateSummary summary(TemplateVersion version) {
		return new TemplateSummary(version.name(), version.origin(), version.version(),
				List.copyOf(new TreeSet<>(version.languages().keySet())), fallbacks(version), version.savedAt());
	}

	// The version number is MAX + 1: a concurrent save of the same name takes it first, and this one tries again.
	private TemplateVersion retried(Supplier<TemplateVersion> append) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(tx -> append.get());
			}
			catch (DuplicateKeyException ex) {
				if (attempt == SAVE_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	// The databases keep microseconds: what save answers must be what a later read returns.
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

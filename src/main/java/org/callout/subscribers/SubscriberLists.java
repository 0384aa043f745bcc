package org.callout.subscribers;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callout.subscribers.internal.ListStore;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Lists: created and edited by organizers, joined by supporters when public. */
@Service
public class SubscriberLists {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final ListStore store;

	private final SubscribersProperties properties;

	private final Clock clock;

	SubscriberLists(ListStore store, SubscribersProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates the configured default list on first start. */
	@EventListener(ApplicationReadyEvent.class)
	void ensureDefaultList() {
		SubscribersProperties.DefaultList list = properties.defaultList();
		store.insertIfAbsent(list.slug(), list.name(), list.description(), true, clock.instant());
	}

	/** @throws IllegalStateException when the slug is taken */
	public SubscriberList create(String slug, String name, String description, boolean isPublic) {
		if (!store.insertIfAbsent(slug, name, description, isPublic, clock.instant())) {
			throw new SlugTakenException(slug);
		}
		return store.bySlug(slug).orElseThrow();
	}

	public Optional<SubscriberList> update(String slug, String name, String description, boolean isPublic) {
		return store.update(slug, name, description, isPublic) ? store.bySlug(slug) : Optional.empty();
	}

	public List<SubscriberList> all() {
		return store.all();
	}

	public Optional<SubscriberList> bySlug(String slug) {
		return isSlug(slug) ? store.bySlug(slug) : Optional.empty();
	}

	public Optional<SubscriberList> byId(long id) {
		return store.byId(id);
	}

	/** A list supporters may join: public, named by slug, or the default list when no slug is given. */
	public Optional<SubscriberList> joinable(String slug) {
		String wanted = slug == null || slug.isBlank() ? properties.defaultList().slug() : slug.strip();
		return bySlug(wanted).filter(SubscriberList::isPublic);
	}

	public static boolean isSlug(String slug) {
		return slug != null && slug.length() <= 64 && SLUG.matcher(slug).matches();
	}

	/** A list with this slug exists already. */
	public static class SlugTakenException extends IllegalStateException {

		public SlugTakenException(String slug) {
			super("A list with the slug '" + slug + "' exists already.");
		}

	}

}

package org.callout.subscribers;

import java.util.List;
import java.util.Map;

/**
 * Columns another module adds to the organizers' subscriber export (legislators: each person's districts), so the
 * export can show what subscribers may not depend on. Asked a page of subscribers at a time, by id range, so no
 * module ever holds the whole list.
 */
public interface SubscriberExportColumns {

	/** The column names, in order, added after the subscribers module's own. */
	List<String> headers();

	/**
	 * The cells of the subscribers with ids from {@code first} to {@code last}, each list as long as
	 * {@link #headers()}; a subscriber with nothing to say is left out (its cells are empty).
	 */
	Map<Long, List<String>> between(long first, long last);

}

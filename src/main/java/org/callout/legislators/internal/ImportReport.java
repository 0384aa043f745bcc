package org.callout.legislators.internal;

import java.util.List;

/**
 * What an import did, or (dry run) would do.
 *
 * @param source the path or URL
 * @param format csv or yaml
 * @param mode full (people missing from it are retired) or partial (nobody is retired)
 * @param dryRun whether nothing was written
 * @param records how many good records the source had
 * @param added new people
 * @param changed people whose details changed (or who came back)
 * @param retired people marked not current
 * @param unchanged people already exactly as the source says
 * @param errors records skipped, each with its file/line and reason
 * @param millis how long it took
 * @param changes who is added, changed or retired, for the console's preview (not in the API's answer, which has the counts)
 */
public record ImportReport(String source, String format, String mode, boolean dryRun, int records, int added, int changed,
		int retired, int unchanged, List<RecordError> errors, long millis,
		@com.fasterxml.jackson.annotation.JsonIgnore List<Change> changes) {

	/**
	 * One person an import adds, changes or retires.
	 *
	 * @param kind added, changed or retired
	 * @param fields for a change, the fields that differ
	 */
	public record Change(String kind, String name, String chamber, String district, List<String> fields) {
	}

}

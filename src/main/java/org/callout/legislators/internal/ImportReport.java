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
 */
public record ImportReport(String source, String format, String mode, boolean dryRun, int records, int added, int changed,
		int retired, int unchanged, List<RecordError> errors, long millis) {
}

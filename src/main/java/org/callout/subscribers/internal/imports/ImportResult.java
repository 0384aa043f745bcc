package org.callout.subscribers.internal.imports;

import java.util.List;

/**
 * The answer to an import: its progress row at the end, the columns it ignored, and the rows asked for (by
 * default those that were not plainly new or unchanged, so that 100 000 rows make a small answer).
 *
 * @param importRun the run's progress row
 * @param unknownColumns columns of the header that are not import columns, ignored
 * @param rows rows in row order
 */
public record ImportResult(ImportStatus importRun, List<String> unknownColumns, List<RowResult> rows) {
}

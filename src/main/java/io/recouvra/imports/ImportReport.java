package io.recouvra.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of an import: every line is either stored, already present (same data: importing a
 * file twice changes nothing), or rejected with the reasons. A stored line may carry notices: what the
 * law changed in its terms (a contractual late-payment rate raised to the legal floor).
 */
record ImportReport(int lines, int stored, int alreadyPresent, List<LineError> errors, List<LineNotice> notices) {

    static final ImportReport NOTHING = new ImportReport(0, 0, 0, List.of(), List.of());

    record LineError(long line, String column, String reason) {
    }

    record LineNotice(long line, String column, String notice) {
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int rejected() {
        return (int) errors.stream().mapToLong(LineError::line).distinct().count();
    }

    /** The lines stored with at least one notice. */
    int withNotices() {
        return (int) notices.stream().mapToLong(LineNotice::line).distinct().count();
    }

    /** Both outcomes, the errors and notices in the order of the file's lines. */
    ImportReport plus(ImportReport other) {
        List<LineError> allErrors = new ArrayList<>(errors);
        allErrors.addAll(other.errors);
        allErrors.sort(Comparator.comparingLong(LineError::line));
        List<LineNotice> allNotices = new ArrayList<>(notices);
        allNotices.addAll(other.notices);
        allNotices.sort(Comparator.comparingLong(LineNotice::line));
        return new ImportReport(lines + other.lines, stored + other.stored, alreadyPresent + other.alreadyPresent,
                List.copyOf(allErrors), List.copyOf(allNotices));
    }
}

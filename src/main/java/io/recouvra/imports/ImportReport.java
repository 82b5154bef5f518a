package io.recouvra.imports;

import java.util.List;

/**
 * The outcome of an import: every line is either stored, already present (same data: importing a
 * file twice changes nothing), or rejected with the reasons. A stored line may carry notices: what the
 * law changed in its terms (a contractual late-payment rate raised to the legal floor).
 */
record ImportReport(int lines, int stored, int alreadyPresent, List<LineError> errors, List<LineNotice> notices) {

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
}

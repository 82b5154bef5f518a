package io.recouvra.imports;

import java.util.List;

/**
 * The outcome of an import: every line is either stored, already present (same data: importing a
 * file twice changes nothing), or rejected with the reasons.
 */
record ImportReport(int lines, int stored, int alreadyPresent, List<LineError> errors) {

    record LineError(long line, String column, String reason) {
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int rejected() {
        return (int) errors.stream().mapToLong(LineError::line).distinct().count();
    }
}

package io.recouvra.imports;

import java.util.List;

/**
 * The outcome of an import: every line is either stored, already present (same data: importing a
 * file twice changes nothing), or rejected with the reasons.
 */
public record ImportReport(int lines, int stored, int alreadyPresent, List<LineError> errors) {

    public record LineError(long line, String column, String reason) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int rejected() {
        return (int) errors.stream().mapToLong(LineError::line).distinct().count();
    }
}

package io.recouvra.imports;

import io.recouvra.imports.ImportReport.LineError;
import io.recouvra.imports.ImportReport.LineNotice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as its submitter follows it: how far it is ({@code linesDone} of {@code lines}, {@code percentDone})
 * and its report so far (lines stored, already present, rejected with every reason, notices of stored lines).
 */
record ImportView(UUID id, Status status, String fileName, String submittedBy, Instant submittedAt, Instant finishedAt,
                  int lines, int linesDone, int percentDone, int stored, int alreadyPresent, int rejected,
                  List<LineError> errors, List<LineNotice> notices) {

    /** QUEUED: no line imported yet; RUNNING: some; DONE: every line stored, already present or rejected. */
    enum Status { QUEUED, RUNNING, DONE }
}

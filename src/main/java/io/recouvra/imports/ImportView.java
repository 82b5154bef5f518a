package io.recouvra.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * An import job as its submitter follows it: how far it is ({@code linesDone} of {@code lines}, {@code percentDone},
 * {@code chunksDone} of {@code chunks}) and its outcome so far in counts (lines stored, already present, rejected,
 * stored with notices). Counts only, whatever the file's size: the reasons of the rejected lines are read a page at
 * a time ({@code /errors}), the whole report as CSV.
 */
record ImportView(UUID id, Status status, String fileName, String submittedBy, Instant submittedAt, Instant finishedAt,
                  int lines, int linesDone, int percentDone, int stored, int alreadyPresent, int rejected,
                  int storedWithNotices, int chunks, int chunksDone) {

    /** QUEUED: no line imported yet; RUNNING: some; DONE: every line stored, already present or rejected. */
    enum Status { QUEUED, RUNNING, DONE }
}

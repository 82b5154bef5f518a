package io.recouvra.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a process's model changes need when its running instances are migrated, beyond mapping equal element ids.
 * A line applies to a source version only when that version has the element it names (and the latest version the
 * element it leads to), so the lines of every past change can stay: each version takes the ones that concern it.
 */
public final class UpgradeInstructions {

    private final Map<String, String> renamed = new LinkedHashMap<>();
    private final Set<String> newTriggers = new LinkedHashSet<>();
    private final List<ReEntry> reEntries = new ArrayList<>();

    /** An element the latest version names differently (same kind of element): its instances move to the new id. */
    public UpgradeInstructions renamed(String oldId, String newId) {
        renamed.put(Objects.requireNonNull(oldId), Objects.requireNonNull(newId));
        return this;
    }

    /**
     * A wait whose trigger the latest version changed (another message name, a timer computed otherwise) and that
     * should wait for the new one. Without this line a migrated wait keeps the message it subscribed to and the due
     * date its timer was given, which is what a case already waiting was promised.
     */
    public UpgradeInstructions newTrigger(String waitId) {
        newTriggers.add(Objects.requireNonNull(waitId));
        return this;
    }

    /**
     * A wait the latest version no longer has in this process because it moved into a process called by
     * {@code callActivityId}. Camunda's migration moves a token only onto an element of the same kind in the same
     * process, so such an instance is migrated and then re-enters the call activity, which is told where to resume
     * by {@code resumeVariable} = {@code resumeAt}, set for the call activity to pass in and taken back once it has.
     * The called process is expected to keep the wait's element id: a timer there gets the due date the old timer
     * had, and a user task the assignee and due date the old task had.
     *
     * <p>For the instant of the change (one transaction, nothing can correlate in between) the token is handed over
     * through {@code handOverWaitId}: a plain wait both versions have at the process level, without listeners.
     */
    public UpgradeInstructions reEnter(String waitId, String callActivityId, String resumeVariable, String resumeAt,
                                       String handOverWaitId) {
        reEntries.add(new ReEntry(waitId, callActivityId, resumeVariable, resumeAt, handOverWaitId));
        return this;
    }

    Map<String, String> renamed() {
        return renamed;
    }

    boolean takesNewTrigger(String waitId) {
        return newTriggers.contains(waitId);
    }

    List<ReEntry> reEntries() {
        return reEntries;
    }

    record ReEntry(String waitId, String callActivityId, String resumeVariable, String resumeAt, String handOverWaitId) {

        ReEntry {
            Objects.requireNonNull(waitId);
            Objects.requireNonNull(callActivityId);
            Objects.requireNonNull(resumeVariable);
            Objects.requireNonNull(resumeAt);
            Objects.requireNonNull(handOverWaitId);
        }
    }
}

package io.recouvra.engine;

import java.util.List;

/**
 * What a migration of a process's running instances to its latest version did, per older version.
 *
 * @param process       the process key
 * @param latestVersion the version instances were migrated to; null when the process is not deployed
 * @param dryRun        true: every instance was migrated in a transaction rolled back, nothing changed
 * @param versions      the older versions that had running instances, oldest first
 */
public record MigrationReport(String process, Integer latestVersion, boolean dryRun, List<SourceVersion> versions) {

    public MigrationReport {
        versions = List.copyOf(versions);
    }

    /**
     * @param version    the older version
     * @param migrated   instances now on the latest version (re-entered ones included)
     * @param reEntered  of those, instances whose wait moved into a called process and was re-entered there
     * @param left       instances left on this version, which Camunda keeps running as they are, and why
     */
    public record SourceVersion(int version, int migrated, int reEntered, List<LeftInstance> left) {

        public SourceVersion {
            left = List.copyOf(left);
        }
    }

    /** An instance left on its version: the engine's reason, with the element it waits at where it names one. */
    public record LeftInstance(String processInstanceId, String businessKey, String reason) {
    }

    public int migrated() {
        return versions.stream().mapToInt(SourceVersion::migrated).sum();
    }

    public int left() {
        return versions.stream().mapToInt(version -> version.left().size()).sum();
    }
}

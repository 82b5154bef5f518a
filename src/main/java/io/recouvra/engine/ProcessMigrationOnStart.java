package io.recouvra.engine;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, and so the engine has deployed the models of this release, the running
 * instances of older versions move to the latest ones. On several nodes started together one of them does it.
 */
@Component
@EnableConfigurationProperties(ProcessMigrationSettings.class)
class ProcessMigrationOnStart {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrationOnStart.class);
    /** Frees the lock if the node dies mid-way; far longer than a migration of every open invoice's instance. */
    private static final Duration AT_MOST = Duration.ofHours(1);

    private final ProcessMigrations migrations;
    private final ProcessMigrationSettings settings;
    private final SingleNodeJobs singleNode;

    ProcessMigrationOnStart(ProcessMigrations migrations, ProcessMigrationSettings settings, SingleNodeJobs singleNode) {
        this.migrations = migrations;
        this.settings = settings;
        this.singleNode = singleNode;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrateRunningInstances() {
        if (!settings.onStart()) {
            log.info("Running instances are not migrated at start-up (recouvra.process-migration.on-start=false)");
            return;
        }
        singleNode.runAlone("process-migration", AT_MOST, Duration.ZERO, () -> {
            for (ProcessUpgrade upgrade : migrations.upgrades()) {
                MigrationReport report = migrations.migrateToLatest(upgrade, false);
                report.versions().forEach(version -> version.left().forEach(left -> log.warn(
                        "{} {} left on version {}: {}", report.process(), left.businessKey(), version.version(), left.reason())));
            }
        });
    }
}

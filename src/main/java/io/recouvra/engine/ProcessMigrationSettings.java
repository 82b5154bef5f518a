package io.recouvra.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onStart migrate the running instances of every process that has a {@link ProcessUpgrade} to its latest
 *                version when the application has started (on one node of several). Safe to leave on: an instance
 *                that cannot be migrated is left on its version and reported, and a start with nothing older to
 *                migrate does nothing.
 */
@ConfigurationProperties("recouvra.process-migration")
record ProcessMigrationSettings(@DefaultValue("true") boolean onStart) {
}

package io.recouvra.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Zero-setup run: when no datasource URL is configured, start an embedded PostgreSQL and point
 * {@code spring.datasource.*} at it. Everything downstream (Hikari, Flyway, JPA, the engine) then
 * runs exactly as it would against a real server.
 *
 * <p>Runs as an environment post-processor, before any bean exists, so that the rest of the
 * configuration never needs to know which kind of database it got. One server per data directory
 * per JVM: test contexts and restarts of the context inside one JVM share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIRECTORY = "recouvra.embedded-database.data-directory";
    static final String PORT = "recouvra.embedded-database.port";
    static final String EPHEMERAL = "recouvra.embedded-database.ephemeral";

    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();

    private final Log log;

    public EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        boolean ephemeral = environment.getProperty(EPHEMERAL, Boolean.class, false);
        Path dataDirectory = ephemeral ? null
                : Path.of(environment.getProperty(DATA_DIRECTORY, ".recouvra/postgres")).toAbsolutePath().normalize();
        int port = environment.getProperty(PORT, Integer.class, 0);
        EmbeddedPostgres postgres = start(dataDirectory, port);

        Map<String, Object> datasource = new HashMap<>();
        datasource.put("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        datasource.put("spring.datasource.username", "postgres");
        datasource.put("spring.datasource.password", "");
        if (!ephemeral) {
            // the zero-setup run: a sandbox, so the debtor's side (portal, simulated payments) works out of the box
            datasource.put("recouvra.zero-setup-run", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("recouvraEmbeddedDatabase", datasource));
    }

    /**
     * @param dataDirectory where the data survives restarts, or {@code null} for a throw-away
     *                      database in a temporary folder (tests: one per application context)
     * @param port          a fixed port, or 0 for any free one
     */
    private EmbeddedPostgres start(Path dataDirectory, int port) {
        if (dataDirectory == null) {
            return launch(null, port);
        }
        synchronized (RUNNING) {
            // A data directory serves one server only: contexts of one JVM share it.
            return RUNNING.computeIfAbsent(dataDirectory, directory -> launch(directory, port));
        }
    }

    private EmbeddedPostgres launch(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = dataDirectory == null ? builder(null, port).start() : startOn(dataDirectory, port, log);
            // Runs once every application context of the JVM has closed.
            SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
            log.info("Embedded PostgreSQL on port " + postgres.getPort() + ", "
                    + (dataDirectory == null ? "throw-away data" : "data in " + dataDirectory));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL"
                    + " (set SPRING_DATASOURCE_URL to use a server instead)", e);
        }
    }

    /**
     * A server on kept data, stopping first the one a killed run left there (see {@link OrphanedPostgres}): a restart
     * after a crash just works.
     */
    static EmbeddedPostgres startOn(Path dataDirectory, int port, Log log) throws IOException {
        OrphanedPostgres.stopIn(dataDirectory).ifPresent(pid -> log.warn("Stopped the embedded PostgreSQL (pid " + pid
                + ") that a previous run, killed or crashed, left running on " + dataDirectory));
        return builder(dataDirectory, port).start();
    }

    static EmbeddedPostgres.Builder builder(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // zonky's own hook would stop the server while the engine still closes on it
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                // the server trusts every local connection: never listen beyond this machine
                .setServerConfig("listen_addresses", "localhost");
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            // keep what is there: initdb runs only on an empty folder
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    // zonky turns these off for speed (fsync with the server's -F flag, which a later -c overrides):
                    // kept data must neither lose a committed payment nor be corrupted by a power cut
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    private void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public int getOrder() {
        // after application.yaml and the environment have been read, so both can configure it
        return Ordered.LOWEST_PRECEDENCE;
    }
}

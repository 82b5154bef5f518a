package io.recouvra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/**
 * The zero-setup run keeps its data: a server started again on the same folder finds what the
 * previous one stored. (Each start here is a new server process on that folder.)
 */
class EmbeddedPostgresRestartTest {

    @Test
    void dataSurvivesARestartOnTheSameFolder(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        try (var first = EmbeddedPostgresEnvironment.builder(data, 0).start()) {
            try (Connection c = first.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement()) {
                s.execute("create table kept (what text)");
                s.execute("insert into kept values ('invoice 42')");
            }
        }
        try (var second = EmbeddedPostgresEnvironment.builder(data, 0).start()) {
            try (Connection c = second.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select what from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("invoice 42");
            }
            try (Connection c = second.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement();
                 ResultSet settings = s.executeQuery("select current_setting('synchronous_commit'), current_setting('listen_addresses'),"
                         + " current_setting('fsync'), current_setting('full_page_writes')")) {
                settings.next();
                assertThat(settings.getString(1)).as("kept data is committed durably").isEqualTo("on");
                assertThat(settings.getString(2)).isEqualTo("localhost");
                assertThat(settings.getString(3)).as("a power cut must not corrupt kept data").isEqualTo("on");
                assertThat(settings.getString(4)).isEqualTo("on");
            }
        }
    }

    /**
     * A run killed with kill -9 leaves its PostgreSQL running on the folder; the next run stops it and starts its own,
     * and finds what the killed run had committed.
     */
    @Test
    void aRunAfterAKilledOneStartsAndKeepsItsData(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var output = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals(KilledRun.READY));
            assertThat(line).as("the first run started its server and stored its row").isEqualTo(KilledRun.READY);
        }
        killed.destroyForcibly().waitFor();
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan)).as("the killed run's server outlives it").hasValueSatisfying(
                server -> assertThat(server.isAlive()).isTrue());

        try (var next = EmbeddedPostgresEnvironment.startOn(data, 0, LogFactory.getLog(getClass()))) {
            try (Connection c = next.getPostgresDatabase().getConnection();
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select what from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("payment 7");
            }
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
    }

    @Test
    void aConfiguredDatasourceStartsNoEmbeddedServer() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/recouvra");
        new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/recouvra");
        assertThat(environment.getPropertySources().contains("recouvraEmbeddedDatabase")).isFalse();
    }

    /** The zero-setup run is a sandbox (portal and simulated payments on); a configured server or a test's is not. */
    @Test
    void onlyTheZeroSetupRunIsMarkedAsOne() {
        // not a @TempDir: the server started here runs until the JVM ends, and its folder must outlive the test
        MockEnvironment zeroSetup = new MockEnvironment().withProperty("recouvra.embedded-database.data-directory",
                "target/zero-setup-run-" + java.util.UUID.randomUUID());
        new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(zeroSetup, new SpringApplication());
        assertThat(zeroSetup.getProperty("recouvra.zero-setup-run")).isEqualTo("true");

        MockEnvironment configured = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/recouvra");
        new EmbeddedPostgresEnvironment(new DeferredLogs()).postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getProperty("recouvra.zero-setup-run")).isNull();
    }
}

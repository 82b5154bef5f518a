package io.recouvra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
                 ResultSet settings = s.executeQuery("select current_setting('synchronous_commit'), current_setting('listen_addresses')")) {
                settings.next();
                assertThat(settings.getString(1)).as("kept data is committed durably").isEqualTo("on");
                assertThat(settings.getString(2)).isEqualTo("localhost");
            }
        }
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

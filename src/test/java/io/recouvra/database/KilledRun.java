package io.recouvra.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.apache.commons.logging.LogFactory;

/**
 * A zero-setup run in a JVM of its own, for {@link EmbeddedPostgresRestartTest} to kill: it starts the embedded
 * PostgreSQL on the folder it is given, stores a row, says so on its output, then waits to be killed.
 */
public final class KilledRun {

    static final String READY = "ready";

    public static void main(String[] arguments) throws Exception {
        var postgres = EmbeddedPostgresEnvironment.startOn(Path.of(arguments[0]), 0, LogFactory.getLog(KilledRun.class));
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (what text)");
            s.execute("insert into kept values ('payment 7')");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

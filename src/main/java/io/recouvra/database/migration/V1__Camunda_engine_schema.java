package io.recouvra.database.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the Camunda engine's tables from the scripts shipped in the engine jar, so that one tool
 * (Flyway) owns the whole database and later migrations can add what the engine needs on top of
 * its tables (the job-acquisition indexes, V2). The engine itself runs with schema update off.
 *
 * <p>The engine's tables stay in the {@code public} schema, as the engine expects them; Recouvra's
 * own tables live in {@code recouvra}, Flyway's default schema here.
 */
public class V1__Camunda_engine_schema extends BaseJavaMigration {

    /** Same order as the engine's own schema creation: later scripts refer to earlier tables. */
    private static final List<String> PARTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String searchPath = currentSearchPath(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to public");
            for (String part : PARTS) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                        "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
            statement.execute("set search_path to " + searchPath);
        }
    }

    private static String currentSearchPath(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show search_path")) {
            result.next();
            return result.getString(1);
        }
    }
}

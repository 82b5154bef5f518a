package io.recouvra.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies of a model row written in one statement, for benchmarks that need a big ledger fast: the row is made the
 * ordinary way (a service, the engine), then {@code insert ... select} from it with some columns computed from the
 * series number {@code g}, so every copy has the model's other columns exactly as the application wrote them.
 */
public final class RowCopies {

    private RowCopies() {
    }

    /**
     * Writes {@code copies} copies of the row of {@code schema.table} that {@code where} (one parameter, {@code model})
     * finds; {@code computed} maps a column to its SQL expression over {@code g} (1 to {@code copies}).
     */
    public static void copy(JdbcTemplate jdbc, String schema, String table, String where, Object model, int copies,
                            Map<String, String> computed) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = ? and table_name = ? and is_generated = 'NEVER' and identity_generation is null
                order by ordinal_position""", String.class, schema, table);
        String values = columns.stream().map(column -> computed.getOrDefault(column, column)).collect(Collectors.joining(", "));
        jdbc.update("insert into " + schema + "." + table + " (" + String.join(", ", columns) + ") select " + values
                + " from " + schema + "." + table + ", generate_series(1, ?) g where " + where, copies, model);
    }
}

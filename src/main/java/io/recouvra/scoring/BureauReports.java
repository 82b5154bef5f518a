package io.recouvra.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bureau lookups go through here: a report younger than the configured lifetime is reused (bureau
 * calls are billed), every answer is kept, and an unavailable bureau is never cached, so the next
 * scoring asks again.
 */
@Component
class BureauReports {

    private final CreditBureau bureau;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration lifetime;
    private final Clock clock;

    BureauReports(CreditBureau bureau, JdbcTemplate jdbc, ObjectMapper json, ScoringSettings settings, Clock clock) {
        this.bureau = bureau;
        this.jdbc = jdbc;
        this.json = json;
        this.lifetime = settings.bureauReportLifetime();
        this.clock = clock;
    }

    BureauAnswer lookUp(String registrationNumber) {
        Instant now = clock.instant();
        List<BureauAnswer> fresh = jdbc.query("""
                select outcome, report from recouvra.bureau_report
                where registration_number = ? and fetched_at > ? and outcome <> 'UNAVAILABLE'
                order by fetched_at desc limit 1""",
                (row, i) -> "FOUND".equals(row.getString(1))
                        ? new BureauAnswer.Found(read(row.getString(2)))
                        : new BureauAnswer.UnknownCompany(registrationNumber),
                registrationNumber, Timestamp.from(now.minus(lifetime)));
        if (!fresh.isEmpty()) {
            return fresh.get(0);
        }
        BureauAnswer answer = bureau.lookUp(registrationNumber);
        keep(registrationNumber, answer, now);
        return answer;
    }

    private void keep(String registrationNumber, BureauAnswer answer, Instant at) {
        String outcome;
        String report = null;
        String detail = null;
        if (answer instanceof BureauAnswer.Found found) {
            outcome = "FOUND";
            report = write(found.report());
        } else if (answer instanceof BureauAnswer.UnknownCompany) {
            outcome = "UNKNOWN_COMPANY";
        } else {
            outcome = "UNAVAILABLE";
            detail = ((BureauAnswer.Unavailable) answer).reason();
            detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        }
        jdbc.update("""
                insert into recouvra.bureau_report (id, registration_number, fetched_at, outcome, report, detail)
                values (?, ?, ?, ?, cast(? as jsonb), ?)""",
                UUID.randomUUID(), registrationNumber, Timestamp.from(at), outcome, report, detail);
    }

    private BureauReport read(String report) {
        try {
            return json.readValue(report, BureauReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bureau report does not read back", e);
        }
    }

    private String write(BureauReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

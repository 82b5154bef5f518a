package io.recouvra.interest;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dated table of half-year rates: read for every claim, extended by an admin twice a year (API or the
 * Tasklist task {@link LatePaymentRateRequests} raises). Once a half-year's rates are committed, the steps
 * waiting for them are woken by signal {@value MissingLatePaymentRate#RECORDED_SIGNAL}, and the half-year's
 * request task, if one is open, ends by itself.
 */
@Service
public class LatePaymentRates {

    private static final Logger log = LoggerFactory.getLogger(LatePaymentRates.class);

    private static final RowMapper<HalfYearRate> ROW = (rs, n) -> new HalfYearRate(
            rs.getObject("half_year_start", LocalDate.class), rs.getBigDecimal("ecb_rate"),
            rs.getBigDecimal("legal_rate"), rs.getString("source"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("recorded_by"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RuntimeService runtime;
    private final TransactionTemplate newTransaction;
    private final TeamLanguage language;

    LatePaymentRates(JdbcTemplate jdbc, Clock clock, @Lazy RuntimeService runtime, PlatformTransactionManager transactions,
                     TeamLanguage language) {
        this.jdbc = jdbc;
        this.language = language;
        this.clock = clock;
        this.runtime = runtime;
        // after commit the finished transaction is still bound to the thread: the engine must not join it
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(readOnly = true)
    public Optional<HalfYearRate> find(LocalDate halfYearStart) {
        return jdbc.query("select * from recouvra.late_payment_rate where half_year_start = ?", ROW, halfYearStart)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<HalfYearRate> all() {
        return jdbc.query("select * from recouvra.late_payment_rate order by half_year_start desc", ROW);
    }

    /**
     * The rates by half-year, failing on the first half-year asked for that has none. The failure does not
     * spoil a surrounding transaction: a process step turns it into a wait and its transaction commits.
     */
    @Transactional(readOnly = true, noRollbackFor = MissingLatePaymentRate.class)
    Function<LocalDate, HalfYearRate> lookup() {
        Map<LocalDate, HalfYearRate> byStart = all().stream()
                .collect(Collectors.toMap(HalfYearRate::start, Function.identity()));
        return start -> {
            HalfYearRate rate = byStart.get(start);
            if (rate == null) {
                throw new MissingLatePaymentRate(start, language);
            }
            return rate;
        };
    }

    /** Records (or corrects) a half-year's rates; the row keeps who did it and when. */
    @Transactional
    public HalfYearRate record(LocalDate halfYearStart, BigDecimal ecbRate, BigDecimal legalRate, String source,
                               String recordedBy) {
        if (!HalfYearRate.isHalfYearStart(halfYearStart)) {
            throw new InvalidInputException("halfYearStart",
                    "must be 1 January or 1 July (the rate in force on that day applies for six months), not " + halfYearStart);
        }
        jdbc.update("""
                insert into recouvra.late_payment_rate (half_year_start, ecb_rate, legal_rate, source, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (half_year_start) do update set ecb_rate = excluded.ecb_rate, legal_rate = excluded.legal_rate,
                    source = excluded.source, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""",
                halfYearStart, ecbRate, legalRate, source, Timestamp.from(clock.instant()), recordedBy);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                announce(halfYearStart);
            }
        });
        return jdbc.queryForObject("select * from recouvra.late_payment_rate where half_year_start = ?", ROW, halfYearStart);
    }

    /**
     * Wakes the steps waiting for a rate (each then runs as a job of its own, so one step's trouble stays
     * its own incident) and ends the half-year's request task if it is still open. The rates are stored
     * whatever happens here; a step still waiting is woken by the next recording or by hand in Cockpit.
     */
    private void announce(LocalDate halfYearStart) {
        try {
            newTransaction.executeWithoutResult(status -> {
                runtime.createMessageCorrelation(LatePaymentRateRequestContract.MESSAGE_RATES_RECORDED)
                        .processInstanceBusinessKey(halfYearStart.toString()).correlateAll();
                runtime.createSignalEvent(MissingLatePaymentRate.RECORDED_SIGNAL).send();
            });
        } catch (RuntimeException e) {
            log.error("Rates of the half-year starting {} are recorded, but the steps waiting for them could not be "
                    + "woken; signal {} again from Cockpit", halfYearStart, MissingLatePaymentRate.RECORDED_SIGNAL, e);
        }
    }
}

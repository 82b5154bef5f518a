package io.recouvra.insurance;

import io.recouvra.insurance.InsurancePolicy.DeclarationBasis;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The creditor's active credit-insurance policy: read by every insurance step, set by an admin. */
@Service
public class InsurancePolicies {

    /** The terms as an admin sends them: periods in ISO 8601 (P60D, P2M), shares in percent. */
    /** Sizes and decimals as the columns hold them: more is refused, not cut or rounded by the database. */
    public record Terms(@Size(max = 100) String insurer, @Size(max = 64) String policyNumber, String currency,
                        @Digits(integer = 3, fraction = 2) BigDecimal coveredShare,
                        @Digits(integer = 3, fraction = 2) BigDecimal unnamedCoveredShare,
                        @Digits(integer = 17, fraction = 2) BigDecimal discretionaryLimit, Integer maxCreditDays,
                        @Size(max = 16) String declarationBasis, @Size(max = 16) String declarationPeriod,
                        @Size(max = 16) String maxExtensionPeriod, @Size(max = 16) String waitingPeriod,
                        @Digits(integer = 17, fraction = 2) BigDecimal reportingThreshold, Integer safetyMarginDays) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    InsurancePolicies(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<InsurancePolicy> active() {
        return jdbc.query("select * from recouvra.credit_insurance_policy where active", InsurancePolicies::policy).stream().findFirst();
    }

    @Transactional(readOnly = true)
    InsurancePolicy get(UUID id) {
        return jdbc.queryForObject("select * from recouvra.credit_insurance_policy where id = ?", InsurancePolicies::policy, id);
    }

    /**
     * Sets the active policy's terms (creating it the first time). Invoices already watched keep their
     * policy; their deadlines are worked out again from these terms at their next check.
     */
    @Transactional
    public InsurancePolicy set(Terms terms) {
        InsurancePolicy checked = check(terms);
        Optional<InsurancePolicy> current = active();
        UUID id = current.map(InsurancePolicy::id).orElseGet(UUID::randomUUID);
        if (current.isPresent()) {
            jdbc.update("""
                    update recouvra.credit_insurance_policy set insurer = ?, policy_number = ?, currency = ?, covered_share = ?,
                        unnamed_covered_share = ?, discretionary_limit = ?, max_credit_days = ?, declaration_basis = ?,
                        declaration_period = ?, max_extension_period = ?, waiting_period = ?, reporting_threshold = ?,
                        safety_margin_days = ?
                    where id = ?""", values(checked, id, false));
        } else {
            jdbc.update("""
                    insert into recouvra.credit_insurance_policy (insurer, policy_number, currency, covered_share,
                        unnamed_covered_share, discretionary_limit, max_credit_days, declaration_basis, declaration_period,
                        max_extension_period, waiting_period, reporting_threshold, safety_margin_days, id, active, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""", values(checked, id, true));
        }
        return get(id);
    }

    private Object[] values(InsurancePolicy p, UUID id, boolean withCreation) {
        List<Object> values = new ArrayList<>(List.of(p.insurer(), p.policyNumber(), p.currency(), p.coveredShare(),
                p.unnamedCoveredShare(), p.discretionaryLimit(), p.maxCreditDays(), p.declarationBasis().name(),
                p.declarationPeriod().toString(), p.maxExtensionPeriod().toString(), p.waitingPeriod().toString(),
                p.reportingThreshold(), p.safetyMarginDays(), id));
        if (withCreation) {
            values.add(Timestamp.from(clock.instant()));
        }
        return values.toArray();
    }

    private static InsurancePolicy check(Terms t) {
        List<FieldProblem> problems = new ArrayList<>();
        required(t.insurer(), "insurer", problems);
        required(t.policyNumber(), "policyNumber", problems);
        if (t.currency() == null || !t.currency().matches("[A-Z]{3}") || !knownCurrency(t.currency())) {
            problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as EUR"));
        }
        share(t.coveredShare(), "coveredShare", false, problems);
        share(t.unnamedCoveredShare(), "unnamedCoveredShare", true, problems);
        notNegative(t.discretionaryLimit(), "discretionaryLimit", problems);
        notNegative(t.reportingThreshold(), "reportingThreshold", problems);
        if (t.maxCreditDays() == null || t.maxCreditDays() < 1) {
            problems.add(new FieldProblem("maxCreditDays", "must be 1 or more"));
        }
        if (t.safetyMarginDays() == null || t.safetyMarginDays() < 0) {
            problems.add(new FieldProblem("safetyMarginDays", "must be 0 or more"));
        }
        DeclarationBasis basis = null;
        try {
            basis = DeclarationBasis.valueOf(String.valueOf(t.declarationBasis()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("declarationBasis", "must be DUE_DATE, MAX_EXTENSION or OLDEST_UNPAID"));
        }
        Period declaration = period(t.declarationPeriod(), "declarationPeriod", false, problems);
        Period extension = period(t.maxExtensionPeriod(), "maxExtensionPeriod", true, problems);
        Period waiting = period(t.waitingPeriod(), "waitingPeriod", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InsurancePolicy(null, t.insurer().trim(), t.policyNumber().trim(), t.currency(), t.coveredShare(),
                t.unnamedCoveredShare(), t.discretionaryLimit(), t.maxCreditDays(), basis, declaration, extension, waiting,
                t.reportingThreshold(), t.safetyMarginDays());
    }

    private static void required(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    private static void share(BigDecimal share, String field, boolean zeroAllowed, List<FieldProblem> problems) {
        if (share == null || share.compareTo(BigDecimal.valueOf(100)) > 0 || (zeroAllowed ? share.signum() < 0 : share.signum() <= 0)) {
            problems.add(new FieldProblem(field, "must be a percentage " + (zeroAllowed ? "from 0" : "above 0") + " up to 100"));
        }
    }

    private static void notNegative(BigDecimal amount, String field, List<FieldProblem> problems) {
        if (amount == null || amount.signum() < 0) {
            problems.add(new FieldProblem(field, "must be an amount of 0 or more"));
        }
    }

    private static Period period(String value, String field, boolean zeroAllowed, List<FieldProblem> problems) {
        try {
            Period period = Period.parse(String.valueOf(value));
            if (period.isNegative() || (!zeroAllowed && period.isZero())) {
                problems.add(new FieldProblem(field, zeroAllowed ? "must not be negative" : "must be longer than nothing"));
            }
            return period;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO 8601 period such as P60D or P2M"));
            return null;
        }
    }

    private static boolean knownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static InsurancePolicy policy(ResultSet rs, int row) throws SQLException {
        return new InsurancePolicy(rs.getObject("id", UUID.class), rs.getString("insurer"), rs.getString("policy_number"),
                rs.getString("currency"), rs.getBigDecimal("covered_share"), rs.getBigDecimal("unnamed_covered_share"),
                rs.getBigDecimal("discretionary_limit"), rs.getInt("max_credit_days"),
                DeclarationBasis.valueOf(rs.getString("declaration_basis")), Period.parse(rs.getString("declaration_period")),
                Period.parse(rs.getString("max_extension_period")), Period.parse(rs.getString("waiting_period")),
                rs.getBigDecimal("reporting_threshold"), rs.getInt("safety_margin_days"));
    }
}

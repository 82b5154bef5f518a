package io.recouvra.scoring;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A score as it was computed: never updated, so the history shows how a customer's risk moved. */
@Entity
public class CreditScore extends AssignedIdEntity {

    private UUID customerId;
    private Instant scoredAt;
    private int score;
    @Enumerated(EnumType.STRING)
    private RiskClass riskClass;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Scorecard.Contribution> factors;
    /** What the bureau said: its rating, or why there was none. */
    private String bureau;

    protected CreditScore() {
    }

    CreditScore(UUID customerId, Instant scoredAt, Scorecard.Result result, String bureau) {
        this.customerId = customerId;
        this.scoredAt = scoredAt;
        this.score = result.score();
        this.riskClass = result.riskClass();
        this.factors = result.contributions();
        this.bureau = bureau;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public Instant getScoredAt() {
        return scoredAt;
    }

    public int getScore() {
        return score;
    }

    public RiskClass getRiskClass() {
        return riskClass;
    }

    public List<Scorecard.Contribution> getFactors() {
        return factors;
    }

    public String getBureau() {
        return bureau;
    }

    /** The breakdown as a credit manager reads it: one line per factor, with its points. */
    public String explain() {
        return factors.stream()
                .map(f -> (f.factor() == null ? f.note() : f.factor().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        + ": " + f.points() + " pts" + (f.note() != null && f.factor() != null ? " (" + f.note() + ")" : ""))
                .collect(Collectors.joining("\n"));
    }
}

package io.recouvra.dashboard;

import io.recouvra.collection.RecoveryStages;
import io.recouvra.collection.RecoveryStages.StageTally;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Recovery by stage, per currency (docs/dashboard.md): of the invoices settled in a period, what was recovered after
 * each stage their collection had last reached when they were settled, its share of all recovered, the write-offs, and
 * for agencies what they recovered gross and net of their commission. One grouped query ({@link RecoveryStages}).
 */
@Component
public class RecoveryByStage {

    /** The stages always shown, in the order a case goes through them; dunning levels above 3 follow the third. */
    static final List<String> STAGES = List.of(RecoveryStages.BEFORE_DUE, RecoveryStages.PRE_DUE_REMINDER,
            RecoveryStages.LATE_UNCHASED, RecoveryStages.reminder(1), RecoveryStages.reminder(2), RecoveryStages.reminder(3),
            RecoveryStages.CALL, RecoveryStages.FORMAL_NOTICE, RecoveryStages.INSURER, RecoveryStages.AGENCY,
            RecoveryStages.COURT, RecoveryStages.WRITTEN_OFF);

    /**
     * One stage of one currency. {@code share}: recovered ÷ all recovered in the currency × 100, one decimal half-up,
     * empty when nothing was recovered; {@code net}: recovered less the agencies' commission.
     */
    public record Stage(String stage, long count, BigDecimal recovered, Optional<BigDecimal> share, BigDecimal writtenOff,
                        BigDecimal commission, BigDecimal net) {
    }

    /**
     * A currency's recovery: its stages in order, the totals, and the recovery rate, recovered ÷ (recovered + written
     * off) × 100, one decimal half-up.
     */
    public record Recovery(String currency, List<Stage> stages, long count, BigDecimal recovered, BigDecimal writtenOff,
                           Optional<BigDecimal> recoveryRate) {

        public Stage stage(String stage) {
            return stages.stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow();
        }
    }

    private final RecoveryStages stages;

    RecoveryByStage(RecoveryStages stages) {
        this.stages = stages;
    }

    public List<Recovery> settledIn(LocalDate from, LocalDate to) {
        return of(stages.settledIn(from, to));
    }

    static List<Recovery> of(List<StageTally> tallies) {
        Map<String, List<StageTally>> byCurrency = new TreeMap<>(Currencies.EUR_FIRST);
        tallies.forEach(tally -> byCurrency.computeIfAbsent(tally.currency(), c -> new ArrayList<>()).add(tally));
        return byCurrency.entrySet().stream().map(entry -> recovery(entry.getKey(), entry.getValue())).toList();
    }

    private static Recovery recovery(String currency, List<StageTally> tallies) {
        Map<String, StageTally> byStage = new LinkedHashMap<>();
        tallies.forEach(tally -> byStage.put(tally.stage(), tally));
        BigDecimal recovered = sum(tallies.stream().map(StageTally::recovered));
        BigDecimal writtenOff = sum(tallies.stream().map(StageTally::writtenOff));
        List<String> shown = Stream.concat(STAGES.stream(), byStage.keySet().stream().filter(stage -> !STAGES.contains(stage)))
                .toList();
        // nothing is written as the currency writes amounts (0.00), like the amounts beside it
        BigDecimal nothing = BigDecimal.ZERO.setScale(Currency.getInstance(currency).getDefaultFractionDigits());
        List<Stage> lines = new ArrayList<>();
        for (String stage : shown) {
            StageTally tally = byStage.get(stage);
            BigDecimal stageRecovered = tally == null ? nothing : tally.recovered();
            BigDecimal commission = tally == null ? nothing : tally.agencyCommission().setScale(nothing.scale());
            lines.add(new Stage(stage, tally == null ? 0 : tally.count(), stageRecovered, percent(stageRecovered, recovered),
                    tally == null ? nothing : tally.writtenOff(), commission, stageRecovered.subtract(commission)));
        }
        // a level above 3 goes after the third, before the call
        lines.sort(Comparator.comparingInt(line -> order(line.stage())));
        long count = tallies.stream().mapToLong(StageTally::count).sum();
        return new Recovery(currency, List.copyOf(lines), count, recovered, writtenOff,
                percent(recovered, recovered.add(writtenOff)));
    }

    private static int order(String stage) {
        int known = STAGES.indexOf(stage);
        if (known >= 0) {
            return known * 100;
        }
        return STAGES.indexOf(RecoveryStages.reminder(3)) * 100 + levelOf(stage);
    }

    private static int levelOf(String stage) {
        return stage.startsWith("REMINDER_") ? Integer.parseInt(stage.substring("REMINDER_".length())) : 99;
    }

    private static Optional<BigDecimal> percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(BigDecimal.valueOf(100)).divide(whole, MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_UP));
    }

    private static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

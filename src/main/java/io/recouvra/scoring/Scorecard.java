package io.recouvra.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The internal scorecard, a pure calculation: each known factor earns points between its "bad" and
 * "good" values; unknown factors leave their weight to the known ones (a company without published
 * accounts is scored on the rest, and says so); the contributions are whole points that add up exactly
 * to the score, so a credit manager can see why a customer is class D.
 */
class Scorecard {

    private final ScoringSettings settings;

    Scorecard(ScoringSettings settings) {
        this.settings = settings;
    }

    /**
     * @param inputs       each factor's value, or a missing entry when unknown
     * @param unknownWhy   for unknown factors, why (kept in the breakdown)
     * @param insolvency   the company is in insolvency proceedings (bureau)
     */
    Result score(Map<Factor, Double> inputs, Map<Factor, String> unknownWhy, boolean insolvency) {
        List<Contribution> contributions = new ArrayList<>();
        double knownWeight = 0;
        Map<Factor, Double> earned = new EnumMap<>(Factor.class);
        for (Factor factor : Factor.values()) {
            ScoringSettings.Rule rule = settings.factors().get(factor);
            Double value = inputs.get(factor);
            if (rule == null || rule.weight() == 0) {
                continue;
            }
            if (value == null) {
                contributions.add(new Contribution(factor, null, 0, rule.weight(), unknownWhy.getOrDefault(factor, "unknown")));
                continue;
            }
            knownWeight += rule.weight();
            earned.put(factor, rule.weight() * rule.earned(value));
        }
        if (knownWeight == 0) {
            // with nothing known at all, the score is neutral, and the breakdown says there was no data
            contributions.add(0, new Contribution(null, null, settings.noDataScore(), 0, "no data: neutral score"));
            return result(settings.noDataScore(), contributions, insolvency);
        }
        // Scale to 100 and share whole points by largest remainder, so that they add up to the score.
        double scale = 100.0 / knownWeight;
        int score = (int) Math.round(earned.values().stream().mapToDouble(Double::doubleValue).sum() * scale);
        List<Map.Entry<Factor, Double>> scaled = earned.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() * scale)).toList();
        Map<Factor, Integer> points = new EnumMap<>(Factor.class);
        scaled.forEach(e -> points.put(e.getKey(), (int) Math.floor(e.getValue())));
        int missing = score - points.values().stream().mapToInt(Integer::intValue).sum();
        scaled.stream().sorted(Comparator.comparingDouble((Map.Entry<Factor, Double> e) -> e.getValue() - Math.floor(e.getValue())).reversed())
                .limit(Math.max(0, missing)).forEach(e -> points.merge(e.getKey(), 1, Integer::sum));
        List<Contribution> known = new ArrayList<>();
        points.forEach((factor, p) -> known.add(new Contribution(factor, inputs.get(factor), p,
                settings.factors().get(factor).weight(), null)));
        known.addAll(contributions);
        return result(score, known, insolvency);
    }

    private Result result(int score, List<Contribution> contributions, boolean insolvency) {
        if (insolvency && score > settings.insolvencyCap()) {
            contributions.add(new Contribution(null, null, settings.insolvencyCap() - score, 0, "insolvency proceedings"));
            score = settings.insolvencyCap();
        }
        return new Result(score, settings.classOf(score), contributions);
    }

    /**
     * One line of the breakdown.
     *
     * @param factor  null for the lines that are no factor (no data at all, insolvency cap)
     * @param value   the factor's value, null when unknown
     * @param points  what it adds to the score (negative for the insolvency cap)
     * @param weight  its configured weight
     * @param note    why it is unknown, or what the line is
     */
    record Contribution(Factor factor, Double value, int points, int weight, String note) {
    }

    record Result(int score, RiskClass riskClass, List<Contribution> contributions) {
    }
}

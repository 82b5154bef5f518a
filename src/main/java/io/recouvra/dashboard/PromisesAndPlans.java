package io.recouvra.dashboard;

import io.recouvra.collection.CollectionFigures;
import io.recouvra.collection.CollectionFigures.PlanTally;
import io.recouvra.collection.CollectionFigures.PromiseTally;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Promises to pay and payment plans, kept versus broken, per currency (see docs/dashboard.md): the promises whose
 * promised date falls in the period (KEPT, BROKEN, still OPEN: pending), and the plans that ended in it (COMPLETED:
 * kept, BROKEN) beside those running now (ACTIVE: pending). One grouped query each.
 */
@Component
public class PromisesAndPlans {

    private final CollectionFigures figures;

    PromisesAndPlans(CollectionFigures figures) {
        this.figures = figures;
    }

    public List<Keeping> promises(LocalDate from, LocalDate to, Collection<UUID> customers) {
        return ofPromises(figures.promisesDue(from, to, customers));
    }

    public List<Keeping> plans(LocalDate from, LocalDate to, Collection<UUID> customers) {
        return ofPlans(figures.plans(from, to, customers));
    }

    static List<Keeping> ofPromises(List<PromiseTally> tallies) {
        Map<String, Keeping> byCurrency = new TreeMap<>(Currencies.EUR_FIRST);
        for (PromiseTally tally : tallies) {
            Keeping keeping = byCurrency.getOrDefault(tally.currency(), Keeping.none(tally.currency()));
            byCurrency.put(tally.currency(), switch (tally.status()) {
                case "KEPT" -> keeping.plusKept(tally.count(), tally.amount());
                case "BROKEN" -> keeping.plusBroken(tally.count(), tally.amount());
                default -> keeping.plusPending(tally.count(), tally.amount());
            });
        }
        return List.copyOf(byCurrency.values());
    }

    static List<Keeping> ofPlans(List<PlanTally> tallies) {
        Map<String, Keeping> byCurrency = new TreeMap<>(Currencies.EUR_FIRST);
        for (PlanTally tally : tallies) {
            Keeping keeping = byCurrency.getOrDefault(tally.currency(), Keeping.none(tally.currency()));
            byCurrency.put(tally.currency(), switch (tally.status()) {
                case "COMPLETED" -> keeping.plusKept(tally.count(), tally.total());
                case "BROKEN" -> keeping.plusBroken(tally.count(), tally.total());
                default -> keeping.plusPending(tally.count(), tally.total());
            });
        }
        return List.copyOf(byCurrency.values());
    }
}

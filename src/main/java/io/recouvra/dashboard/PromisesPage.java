package io.recouvra.dashboard;

import io.recouvra.collection.CollectionFigures;
import io.recouvra.collection.CollectionFigures.PromiseLine;
import io.recouvra.receivables.CustomerService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Promises and plans page: per currency, the promises to pay falling due in the period and the payment plans ended
 * in it, kept, broken or pending, with the kept rate (a chart and its table), the promises behind them one click away,
 * and the CSV export.
 */
@Controller
class PromisesPage implements DashboardPage {

    static final String PATH = "/dashboard/promises";
    static final int LIST_SIZE = 50;

    /** A promise of the drill-down, with its customer's name. */
    record Line(PromiseLine promise, String customerName) {
    }

    private final PromisesAndPlans figures;
    private final CollectionFigures collection;
    private final CustomerService customers;
    private final MessageSource texts;
    private final Clock clock;

    PromisesPage(PromisesAndPlans figures, CollectionFigures collection, CustomerService customers, MessageSource texts,
                 Clock clock) {
        this.figures = figures;
        this.collection = collection;
        this.customers = customers;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "promises";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.MANAGERS_ONLY;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                Locale locale) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        List<Keeping> promises = figures.promises(period.from(), period.to(), Set.of());
        List<Keeping> plans = figures.plans(period.from(), period.to(), Set.of());
        model.addAttribute("period", period);
        model.addAttribute("promises", promises);
        model.addAttribute("plans", plans);
        model.addAttribute("promisesChart", ChartJson.of(promises.stream().map(k -> chart(k, period, true, locale)).toList()));
        model.addAttribute("plansChart", ChartJson.of(plans.stream().map(k -> chart(k, period, false, locale)).toList()));
        return "dashboard/promises";
    }

    /** The promises falling due in the period, by promised date, a page at a time. */
    @GetMapping(PATH + "/list")
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        int number = Period.page(page);
        List<PromiseLine> lines = collection.promisesDueList(period.from(), period.to(), Set.of(), number, LIST_SIZE + 1);
        Map<UUID, String> names = customers.legalNamesOf(lines.stream().map(PromiseLine::customerId).distinct().toList());
        model.addAttribute("period", period);
        model.addAttribute("page", number);
        model.addAttribute("more", lines.size() > LIST_SIZE);
        model.addAttribute("lines", lines.stream().limit(LIST_SIZE).map(l -> new Line(l, names.get(l.customerId()))).toList());
        return "dashboard/promises-list";
    }

    @GetMapping(PATH + "/figures.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        Csv csv = Csv.withHeader("du", "au", "engagement", "devise", "tenus", "montant tenu", "non tenus", "montant non tenu",
                "en cours", "montant en cours", "taux tenu (%)");
        row(csv, period, "promesses", figures.promises(period.from(), period.to(), Set.of()));
        row(csv, period, "plans", figures.plans(period.from(), period.to(), Set.of()));
        return csv.download("promesses-et-plans.csv");
    }

    private static void row(Csv csv, Period period, String kind, List<Keeping> keepings) {
        for (Keeping k : keepings) {
            csv.row(period.from(), period.to(), kind, k.currency(), k.kept(), k.keptAmount(), k.broken(), k.brokenAmount(),
                    k.pending(), k.pendingAmount(), k.keptRate().orElse(null));
        }
    }

    private Map<String, Object> chart(Keeping keeping, Period period, boolean promises, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("currency", keeping.currency());
        chart.put("categories", List.of(texts.getMessage("dashboard.promises.kept", null, locale),
                texts.getMessage("dashboard.promises.broken", null, locale),
                texts.getMessage(promises ? "dashboard.promises.pending" : "dashboard.promises.running", null, locale)));
        chart.put("values", List.of(keeping.kept(), keeping.broken(), keeping.pending()));
        if (promises) {
            String list = PATH + "/list?from=" + period.from() + "&to=" + period.to();
            chart.put("links", List.of(list, list, list));
        }
        return chart;
    }
}

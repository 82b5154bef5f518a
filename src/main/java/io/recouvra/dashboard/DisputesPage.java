package io.recouvra.dashboard;

import io.recouvra.collection.CollectionFigures;
import io.recouvra.collection.CollectionFigures.DisputeLine;
import io.recouvra.dashboard.DisputeFigures.Credited;
import io.recouvra.dashboard.DisputeFigures.Report;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
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
 * The Disputes page: those open now by reason and past their review deadline, those resolved in the period by root
 * cause, in time against the DisputePolicy deadline and how long they took in business days, the credits granted (a
 * chart and tables), the disputes behind them one click away, and the CSV export.
 */
@Controller
class DisputesPage implements DashboardPage {

    static final String PATH = "/dashboard/disputes";
    static final int LIST_SIZE = 50;

    /** A dispute of the drill-down, with its invoice's number and its customer's name. */
    record Line(DisputeLine dispute, String invoiceNumber, String customerName) {
    }

    private final DisputeFigures figures;
    private final CollectionFigures collection;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MessageSource texts;
    private final Clock clock;

    DisputesPage(DisputeFigures figures, CollectionFigures collection, CustomerService customers, InvoiceService invoices,
                 MessageSource texts, Clock clock) {
        this.figures = figures;
        this.collection = collection;
        this.customers = customers;
        this.invoices = invoices;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "disputes";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 40;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.MANAGERS_ONLY;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                Locale locale) {
        LocalDate today = LocalDate.now(clock);
        Period period = Period.of(from, to, today);
        Report report = figures.report(period.from(), period.to(), today, Set.of());
        model.addAttribute("today", today);
        model.addAttribute("period", period);
        model.addAttribute("report", report);
        model.addAttribute("openOwed", figures.openOwed(Set.of()));
        model.addAttribute("rootCauseChart", ChartJson.of(List.of(chart(report.resolvedByRootCause(), "dashboard.rootCause.", period, locale))));
        return "dashboard/disputes";
    }

    /** The disputes open now or resolved in the period, open ones first, a page at a time. */
    @GetMapping(PATH + "/list")
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer page, Model model) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        int number = Period.page(page);
        List<DisputeLine> lines = collection.disputesList(period.from(), period.to(), Set.of(), number, LIST_SIZE + 1);
        Map<UUID, String> names = customers.legalNamesOf(lines.stream().map(DisputeLine::customerId).distinct().toList());
        Map<UUID, String> numbers = invoices.numbersOf(lines.stream().map(DisputeLine::invoiceId).distinct().toList());
        model.addAttribute("period", period);
        model.addAttribute("page", number);
        model.addAttribute("more", lines.size() > LIST_SIZE);
        model.addAttribute("lines", lines.stream().limit(LIST_SIZE)
                .map(l -> new Line(l, numbers.get(l.invoiceId()), names.get(l.customerId()))).toList());
        return "dashboard/disputes-list";
    }

    @GetMapping(PATH + "/figures.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock);
        Period period = Period.of(from, to, today);
        Report report = figures.report(period.from(), period.to(), today, Set.of());
        Csv csv = Csv.withHeader("du", "au", "indicateur", "detail", "valeur", "devise");
        csv.row(period.from(), period.to(), "ouverts", "", report.open(), "");
        csv.row(period.from(), period.to(), "ouverts hors delai", "", report.openPastDeadline(), "");
        for (DisputeFigures.InDispute owed : figures.openOwed(Set.of())) {
            csv.row(period.from(), period.to(), "reste du des factures en litige", owed.invoices() + " factures", owed.amount(),
                    owed.currency());
        }
        report.openByReason().forEach((reason, count) -> csv.row(period.from(), period.to(), "ouverts par motif", reason, count, ""));
        csv.row(period.from(), period.to(), "resolus", "", report.resolved(), "");
        report.resolvedByRootCause().forEach((cause, count) -> csv.row(period.from(), period.to(), "resolus par cause", cause, count, ""));
        csv.row(period.from(), period.to(), "resolus dans le delai", "", report.resolvedWithinSla(), "");
        csv.row(period.from(), period.to(), "taux dans le delai (%)", "", report.withinSlaRate().orElse(null), "");
        csv.row(period.from(), period.to(), "duree moyenne (jours ouvres)", "", report.averageBusinessDays().orElse(null), "");
        for (Credited credited : report.credited()) {
            csv.row(period.from(), period.to(), "avoirs accordes", credited.invoices() + " factures", credited.amount(), credited.currency());
        }
        return csv.download("litiges.csv");
    }

    private Map<String, Object> chart(Map<String, Long> counts, String textPrefix, Period period, Locale locale) {
        String list = PATH + "/list?from=" + period.from() + "&to=" + period.to();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", counts.keySet().stream().map(key -> texts.getMessage(textPrefix + key, null, key, locale)).toList());
        chart.put("values", List.copyOf(counts.values()));
        chart.put("links", counts.keySet().stream().map(key -> list).toList());
        return chart;
    }
}

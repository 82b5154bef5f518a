package io.recouvra.dashboard;

import io.recouvra.collection.RecoveryStages;
import io.recouvra.collection.RecoveryStages.SettledInvoice;
import io.recouvra.dashboard.RecoveryByStage.Recovery;
import io.recouvra.dashboard.RecoveryByStage.Stage;
import io.recouvra.receivables.CustomerService;
import io.recouvra.web.InvalidInputException;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Recovery page: of the invoices settled in the period, per currency, what was recovered after each stage their
 * collection had last reached (a chart and its table), the agencies' recovery gross and net of their commission, the
 * invoices behind a stage one click away, the promises and plans kept or broken (the Promises page), and the CSV.
 */
@Controller
class RecoveryPage implements DashboardPage {

    static final String PATH = "/dashboard/recovery";
    static final int LIST_SIZE = 50;

    /** An invoice of the drill-down, with its customer's name. */
    record Line(SettledInvoice invoice, String customerName) {
    }

    private final RecoveryByStage figures;
    private final RecoveryStages stages;
    private final PromisesAndPlans promises;
    private final CustomerService customers;
    private final MessageSource texts;
    private final Clock clock;

    RecoveryPage(RecoveryByStage figures, RecoveryStages stages, PromisesAndPlans promises, CustomerService customers,
                 MessageSource texts, Clock clock) {
        this.figures = figures;
        this.stages = stages;
        this.promises = promises;
        this.customers = customers;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "recovery";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 25;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.MANAGERS_ONLY;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                Locale locale) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        List<Recovery> recoveries = figures.settledIn(period.from(), period.to());
        model.addAttribute("period", period);
        model.addAttribute("recoveries", recoveries);
        model.addAttribute("promises", promises.promises(period.from(), period.to(), Set.of()));
        model.addAttribute("plans", promises.plans(period.from(), period.to(), Set.of()));
        Map<String, String> names = new LinkedHashMap<>();
        recoveries.forEach(r -> r.stages().forEach(st -> names.put(st.stage(), stageName(st.stage(), locale))));
        model.addAttribute("stageNames", names);
        model.addAttribute("recoveryChart", ChartJson.of(recoveries.stream().map(r -> chart(r, period, locale)).toList()));
        return "dashboard/recovery";
    }

    /** The invoices of one currency settled in the period, of one stage or all, last settled first, a page at a time. */
    @GetMapping(PATH + "/invoices")
    String invoices(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String currency, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) Integer page, Model model, Locale locale) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        String chosenCurrency = currency(currency);
        String chosenStage = stage(stage);
        int number = Period.page(page);
        List<SettledInvoice> lines = stages.settledList(period.from(), period.to(), chosenCurrency, chosenStage, number,
                LIST_SIZE + 1);
        Map<UUID, String> names = customers.legalNamesOf(lines.stream().map(SettledInvoice::customerId).distinct().toList());
        model.addAttribute("period", period);
        model.addAttribute("currency", chosenCurrency);
        model.addAttribute("stage", chosenStage);
        model.addAttribute("stageName", chosenStage == null ? null : stageName(chosenStage, locale));
        model.addAttribute("page", number);
        model.addAttribute("more", lines.size() > LIST_SIZE);
        model.addAttribute("lines", lines.stream().limit(LIST_SIZE).map(l -> new Line(l, names.get(l.customerId()))).toList());
        return "dashboard/recovery-invoices";
    }

    @GetMapping(PATH + "/stages.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        Csv csv = Csv.withHeader("du", "au", "devise", "etape", "factures", "recouvre", "part (%)", "commission agence",
                "recouvre net", "passe en perte");
        for (Recovery recovery : figures.settledIn(period.from(), period.to())) {
            for (Stage stage : recovery.stages()) {
                csv.row(period.from(), period.to(), recovery.currency(), stage.stage(), stage.count(), stage.recovered(),
                        stage.share().orElse(null), stage.commission(), stage.net(), stage.writtenOff());
            }
            csv.row(period.from(), period.to(), recovery.currency(), "TOTAL", recovery.count(), recovery.recovered(),
                    recovery.recoveryRate().orElse(null), null, null, recovery.writtenOff());
        }
        return csv.download("recouvrement-par-etape.csv");
    }

    private Map<String, Object> chart(Recovery recovery, Period period, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("currency", recovery.currency());
        chart.put("categories", recovery.stages().stream().map(s -> stageName(s.stage(), locale)).toList());
        chart.put("values", recovery.stages().stream().map(Stage::recovered).toList());
        chart.put("links", recovery.stages().stream().map(s -> link(period, recovery.currency(), s.stage())).toList());
        return chart;
    }

    private String stageName(String stage, Locale locale) {
        return stage.startsWith("REMINDER_")
                ? texts.getMessage("dashboard.recovery.stage.REMINDER", new Object[] {stage.substring("REMINDER_".length())}, locale)
                : texts.getMessage("dashboard.recovery.stage." + stage, null, locale);
    }

    static String link(Period period, String currency, String stage) {
        return UriComponentsBuilder.fromPath(PATH + "/invoices").queryParam("from", period.from()).queryParam("to", period.to())
                .queryParam("currency", currency).queryParam("stage", stage).build().toUriString();
    }

    private static String currency(String currency) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "must be an ISO 4217 code, such as EUR");
        }
        return currency;
    }

    private static String stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        if (!RecoveryByStage.STAGES.contains(stage) && !stage.matches("REMINDER_[1-9][0-9]?")) {
            throw new InvalidInputException("stage", "must be one of " + RecoveryByStage.STAGES + " or REMINDER_<level>");
        }
        return stage;
    }
}

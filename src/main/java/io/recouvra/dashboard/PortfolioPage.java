package io.recouvra.dashboard;

import io.recouvra.dashboard.Ageing.AgedBalance;
import io.recouvra.dashboard.MonthlyFigures.Month;
import io.recouvra.dashboard.MonthlySnapshots.Line;
import io.recouvra.receivables.LedgerReports;
import io.recouvra.receivables.LedgerReports.FrozenOwed;
import io.recouvra.receivables.LedgerReports.OwedFilter;
import io.recouvra.receivables.LedgerReports.OwedPage;
import io.recouvra.receivables.LedgerReports.Segment;
import io.recouvra.receivables.LedgerReports.SegmentKind;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.PageView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Portfolio page: what the book owes today, outstanding and overdue, its aged balance by bucket per currency
 * (a chart and its table), each bucket's invoices one click away, and its CSV export. The pattern every dashboard page
 * follows (docs/dashboard.md, "Adding a page").
 */
@Controller
class PortfolioPage implements DashboardPage {

    static final String PATH = "/dashboard/portfolio";
    static final int DRILL_DOWN_PAGE_SIZE = 50;
    /** The closed months the trend shows. */
    static final int TREND_MONTHS = ClosedMonths.TREND_MONTHS;
    /** The drill-down of the invoices frozen by their customers' insolvency proceedings. */
    static final String FROZEN_BY_INSOLVENCY = "insolvency";

    /** The segments the last closed month is shown by: one of the segments the monthly snapshot keeps. */
    enum SegmentChoice {
        CUSTOMER_TYPE("customer_type", "type de client", Segment::customerType, SegmentKind.CUSTOMER_TYPE),
        RISK_CLASS("risk_class", "classe de risque", Segment::riskClass, SegmentKind.RISK_CLASS),
        STRATEGY("strategy", "strategie", Segment::strategy, SegmentKind.STRATEGY);

        private final String parameter;
        private final String csvHeader;
        private final Function<Segment, String> value;
        private final SegmentKind kind;

        SegmentChoice(String parameter, String csvHeader, Function<Segment, String> value, SegmentKind kind) {
            this.parameter = parameter;
            this.csvHeader = csvHeader;
            this.value = value;
            this.kind = kind;
        }

        public String parameter() {
            return parameter;
        }

        String of(Line line) {
            return value.apply(line.segment());
        }

        static SegmentChoice of(String parameter) {
            for (SegmentChoice choice : values()) {
                if (choice.parameter.equals(parameter)) {
                    return choice;
                }
            }
            throw new InvalidInputException("segment", "must be customer_type, risk_class or strategy");
        }
    }

    /**
     * One segment's closed months: its value as kept ({@code ""}: none), as shown, its last month's figures, and its
     * figures over the currency's closed months (null where the segment had no line that month).
     */
    record SegmentMonth(String value, String label, Month month, List<Month> months) {
    }

    /** The figures drawn per month and segment, one chart each; the key names the chart's JSON block and its title. */
    enum SegmentFigure {
        DSO("dso", m -> m.countback().dso()),
        CEI("cei", Month::collectionEffectiveness),
        ADD("add", m -> m.countback().averageDaysDelinquent());

        private final String key;
        private final Function<Month, Optional<BigDecimal>> value;

        SegmentFigure(String key, Function<Month, Optional<BigDecimal>> value) {
            this.key = key;
            this.value = value;
        }

        public String key() {
            return key;
        }

        BigDecimal of(Month month) {
            return month == null ? null : value.apply(month).orElse(null);
        }
    }

    /** One currency's closed months, and its last month by the segment chosen. */
    record Trend(String currency, List<Month> months, List<SegmentMonth> bySegment) {

        public Optional<Month> last() {
            return months.isEmpty() ? Optional.empty() : Optional.of(months.get(months.size() - 1));
        }
    }

    private final Ageing ageing;
    private final LedgerReports ledger;
    private final Clock clock;
    private final MessageSource texts;
    private final MonthlySnapshots snapshots;
    private final ClosedMonths closedMonths;

    PortfolioPage(Ageing ageing, LedgerReports ledger, Clock clock, MessageSource texts, MonthlySnapshots snapshots,
                  ClosedMonths closedMonths) {
        this.ageing = ageing;
        this.snapshots = snapshots;
        this.closedMonths = closedMonths;
        this.ledger = ledger;
        this.clock = clock;
        this.texts = texts;
    }

    @Override
    public String key() {
        return "portfolio";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.MANAGERS_ONLY;
    }

    @GetMapping(PATH)
    String page(@RequestParam(defaultValue = "customer_type") String segment, Model model, Locale locale) {
        SegmentChoice choice = SegmentChoice.of(segment);
        LocalDate today = LocalDate.now(clock);
        List<AgedBalance> balances = ageing.on(today);
        model.addAttribute("today", today);
        model.addAttribute("balances", balances);
        // what of each currency's outstanding is frozen by insolvency proceedings: declared, paid only through them
        Map<String, FrozenOwed> frozen = new LinkedHashMap<>();
        ledger.frozenByInsolvency(today).forEach(owed -> frozen.put(owed.currency(), owed));
        model.addAttribute("frozen", frozen);
        model.addAttribute("buckets", AgeingBucket.values());
        model.addAttribute("ageingChart", ChartJson.of(ageingChart(balances, locale)));
        List<Trend> trends = trends(choice, locale);
        model.addAttribute("trends", trends);
        model.addAttribute("segment", choice);
        model.addAttribute("segments", SegmentChoice.values());
        model.addAttribute("trendChart", ChartJson.of(trends.stream().map(t -> trendChart(t, locale)).toList()));
        model.addAttribute("dsoChart", ChartJson.of(trends.stream().map(t -> dsoChart(t, locale)).toList()));
        model.addAttribute("segmentFigures", SegmentFigure.values());
        Map<String, String> segmentCharts = new LinkedHashMap<>();
        for (SegmentFigure figure : SegmentFigure.values()) {
            segmentCharts.put(figure.key(), ChartJson.of(segmentCharts(trends, choice, figure, locale)));
        }
        model.addAttribute("segmentCharts", segmentCharts);
        model.addAttribute("admin", DashboardModel.groupsOfCurrentUser().contains(RecouvraGroups.ADMINS));
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1));
        return "dashboard/portfolio";
    }

    /**
     * The closed months per currency, one line per month: aged balance, sales, DSO both ways, best DSO, ADD, CEI; then
     * the last closed month by the segment chosen (as kept: a customer type, a risk class, a strategy's name; empty
     * when none was assessed).
     */
    @GetMapping(PATH + "/months.csv")
    ResponseEntity<String> monthsCsv(@RequestParam(defaultValue = "customer_type") String segment, Locale locale) {
        SegmentChoice choice = SegmentChoice.of(segment);
        Csv csv = Csv.withHeader("mois", "devise", choice.csvHeader, "non echu", "1-30", "31-60", "61-90", "91-180", "plus de 180",
                "encours", "ventes", "DSO (countback)", "meilleur DSO (countback)", "ADD (countback)", "DSO (simple)",
                "meilleur DSO (simple)", "ADD (simple)", "CEI (%)");
        for (Trend trend : trends(choice, locale)) {
            for (Month month : trend.months()) {
                monthRow(csv, trend.currency(), "tous", month);
            }
            trend.bySegment().forEach(row -> monthRow(csv, trend.currency(), row.value(), row.month()));
        }
        return csv.download(choice == SegmentChoice.CUSTOMER_TYPE ? "mois-clos.csv" : "mois-clos-" + choice.parameter + ".csv");
    }

    /** Admins take a closed month by hand (the nightly job takes the month just ended); a month taken stays as it is. */
    @PostMapping(PATH + "/snapshots")
    String takeMonth(@RequestParam String month, Authentication admin, RedirectAttributes redirect) {
        YearMonth chosen;
        try {
            chosen = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "must be a month written 2026-11");
        }
        if (!chosen.isBefore(YearMonth.now(clock))) {
            throw new InvalidInputException("month", "must have ended: the current month cannot be taken yet");
        }
        boolean taken = snapshots.take(chosen, admin.getName());
        redirect.addAttribute(taken ? "taken" : "alreadyTaken", chosen.toString());
        return "redirect:" + PATH;
    }

    private static void monthRow(Csv csv, String currency, String customerType, Month month) {
        Map<AgeingBucket, BigDecimal> b = month.byBucket();
        csv.row(month.month().toString(), currency, customerType, b.get(AgeingBucket.NOT_DUE), b.get(AgeingBucket.DAYS_1_30),
                b.get(AgeingBucket.DAYS_31_60), b.get(AgeingBucket.DAYS_61_90), b.get(AgeingBucket.DAYS_91_180),
                b.get(AgeingBucket.OVER_180), month.receivables(), month.sales(), month.countback().dso().orElse(null),
                month.countback().bestPossible().orElse(null), month.countback().averageDaysDelinquent().orElse(null),
                month.simple().dso().orElse(null), month.simple().bestPossible().orElse(null),
                month.simple().averageDaysDelinquent().orElse(null), month.collectionEffectiveness().orElse(null));
    }

    /**
     * The last {@link #TREND_MONTHS} closed months per currency, EUR first, with the last one by the segment chosen;
     * read from the snapshots only (through {@link ClosedMonths}, as the gauges read them).
     */
    private List<Trend> trends(SegmentChoice choice, Locale locale) {
        ClosedMonths.Window window = closedMonths.upTo(YearMonth.now(clock).minusMonths(1));
        List<Trend> trends = new ArrayList<>();
        for (String currency : window.currencies()) {
            List<Month> shown = window.months(currency);
            List<SegmentMonth> bySegment = new ArrayList<>();
            window.lines().stream().filter(l -> l.currency().equals(currency)).map(choice::of).distinct().sorted().forEach(value -> {
                List<Month> ofSegment = window.months(line -> line.currency().equals(currency) && choice.of(line).equals(value));
                // aligned on the currency's months, so that the chart's points fall on the same x as the table's rows
                Map<YearMonth, Month> byMonth = new LinkedHashMap<>();
                ofSegment.forEach(m -> byMonth.put(m.month(), m));
                List<Month> aligned = new ArrayList<>();
                shown.forEach(m -> aligned.add(byMonth.get(m.month())));
                bySegment.add(new SegmentMonth(value, segmentLabel(choice, value, locale), ofSegment.get(ofSegment.size() - 1),
                        aligned));
            });
            trends.add(new Trend(currency, shown, bySegment));
        }
        return trends;
    }

    /** A segment as a person reads it: a customer type in words, a risk class, a strategy's name as the table gives it. */
    private String segmentLabel(SegmentChoice choice, String value, Locale locale) {
        if (value.isEmpty()) {
            return texts.getMessage("dashboard.segment.none", null, locale);
        }
        return switch (choice) {
            case CUSTOMER_TYPE -> texts.getMessage("dashboard.customerType." + value, null, value, locale);
            case RISK_CLASS -> texts.getMessage("dashboard.segment.riskClassValue", new Object[] {value}, locale);
            case STRATEGY -> value;
        };
    }

    private Map<String, Object> trendChart(Trend trend, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (AgeingBucket bucket : AgeingBucket.values()) {
            series.add(Map.of("name", texts.getMessage("dashboard.bucket." + bucket.label(), null, locale),
                    "values", trend.months().stream().map(m -> m.byBucket().get(bucket)).toList()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("currency", trend.currency());
        chart.put("months", trend.months().stream().map(m -> new Formats(locale).month(m.month())).toList());
        chart.put("series", series);
        return chart;
    }

    private Map<String, Object> dsoChart(Trend trend, Locale locale) {
        List<Map<String, Object>> series = List.of(
                Map.of("name", texts.getMessage("dashboard.portfolio.dso", null, locale),
                        "values", trend.months().stream().map(m -> m.countback().dso().orElse(null)).toList()),
                Map.of("name", texts.getMessage("dashboard.portfolio.bestDso", null, locale),
                        "values", trend.months().stream().map(m -> m.countback().bestPossible().orElse(null)).toList()),
                Map.of("name", texts.getMessage("dashboard.portfolio.add", null, locale),
                        "values", trend.months().stream().map(m -> m.countback().averageDaysDelinquent().orElse(null)).toList()));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("currency", trend.currency());
        chart.put("months", trend.months().stream().map(m -> new Formats(locale).month(m.month())).toList());
        chart.put("series", series);
        return chart;
    }

    /**
     * Per currency, one figure by month and segment: one line per segment value over the closed months, each point
     * leading to the invoices of that segment the currency's book owes today (no drill-down keeps a closed month's
     * invoices: the snapshot keeps sums only).
     */
    static List<Map<String, Object>> segmentCharts(List<Trend> trends, SegmentChoice choice, SegmentFigure figure, Locale locale) {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Trend trend : trends) {
            List<Map<String, Object>> series = new ArrayList<>();
            for (SegmentMonth segment : trend.bySegment()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("name", segment.label());
                line.put("values", segment.months().stream().map(figure::of).toList());
                String link = segmentLink(trend.currency(), choice, segment.value());
                line.put("links", trend.months().stream().map(m -> link).toList());
                series.add(line);
            }
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("currency", trend.currency());
            chart.put("months", trend.months().stream().map(m -> new Formats(locale).month(m.month())).toList());
            chart.put("series", series);
            charts.add(chart);
        }
        return charts;
    }

    /** The drill-down of one segment: the invoices of that segment the currency's book owes today. */
    static String segmentLink(String currency, SegmentChoice choice, String value) {
        return UriComponentsBuilder.fromPath(PATH + "/invoices").queryParam("currency", currency).queryParam("bucket", "all")
                .queryParam("segment", choice.parameter()).queryParam("value", value).encode().build().toUriString();
    }

    /** The aged balance, one line per currency and bucket. */
    @GetMapping(PATH + "/ageing.csv")
    ResponseEntity<String> ageingCsv() {
        LocalDate today = LocalDate.now(clock);
        Csv csv = Csv.withHeader("jour", "devise", "tranche", "montant");
        for (AgedBalance balance : ageing.on(today)) {
            for (AgeingBucket bucket : AgeingBucket.values()) {
                csv.row(today, balance.currency(), bucket.label(), balance.byBucket().get(bucket));
            }
        }
        return csv.download("balance-agee-" + today + ".csv");
    }

    /**
     * The invoices behind one bucket of one currency's aged balance today (bucket {@code overdue}: every overdue one;
     * {@code all}: every one owed; {@code insolvency}: those frozen by their customers' insolvency proceedings).
     */
    @GetMapping(PATH + "/invoices")
    String invoices(@RequestParam String currency, @RequestParam String bucket, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(required = false) String after, @RequestParam(required = false) String segment,
                    @RequestParam(required = false) String value, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        Optional<SegmentChoice> choice = segmentOf(segment, value);
        if (page < 0 || page > PageView.MAX_PAGE) {
            throw new InvalidInputException("page", "must be 0 to " + PageView.MAX_PAGE);
        }
        OwedPage owed = ledger.page(owedIn(today, currency, bucket, choice, value), after, page, DRILL_DOWN_PAGE_SIZE);
        model.addAttribute("currency", currency);
        model.addAttribute("bucket", bucket);
        model.addAttribute("segment", choice.map(SegmentChoice::parameter).orElse(null));
        model.addAttribute("value", choice.isPresent() ? value : null);
        model.addAttribute("segmentLabel", choice.map(c -> segmentLabel(c, value, locale)).orElse(null));
        model.addAttribute("today", today);
        model.addAttribute("owed", owed);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (owed.total() + DRILL_DOWN_PAGE_SIZE - 1) / DRILL_DOWN_PAGE_SIZE));
        return "dashboard/portfolio-invoices";
    }

    /** Every invoice of the drill-down, read by cursor a thousand at a time. */
    @GetMapping(PATH + "/invoices.csv")
    ResponseEntity<String> invoicesCsv(@RequestParam String currency, @RequestParam String bucket,
                                       @RequestParam(required = false) String segment, @RequestParam(required = false) String value) {
        LocalDate today = LocalDate.now(clock);
        Optional<SegmentChoice> choice = segmentOf(segment, value);
        Csv csv = Csv.withHeader("facture", "client", "emise le", "echeance", "devise", "montant", "reste du", "statut");
        ledger.each(owedIn(today, currency, bucket, choice, value), 1_000, invoice -> csv.row(invoice.number(),
                invoice.customerName(), invoice.issueDate(), invoice.dueDate(), invoice.currency(), invoice.amount(),
                invoice.outstanding(), invoice.status().name()));
        String name = choice.map(c -> "factures-" + currency + "-" + c.parameter() + "-" + today + ".csv")
                .orElse("factures-" + currency + "-" + bucket + "-" + today + ".csv");
        return csv.download(name);
    }

    /** The segment a drill-down is cut by, if any: a kind and its value ({@code ""}: not assessed), both or neither. */
    private static Optional<SegmentChoice> segmentOf(String segment, String value) {
        if (segment == null) {
            if (value != null) {
                throw new InvalidInputException("segment", "must be given with value: customer_type, risk_class or strategy");
            }
            return Optional.empty();
        }
        SegmentChoice choice = SegmentChoice.of(segment);
        if (value == null || value.length() > 80) {
            throw new InvalidInputException("value", "must be given with segment, at most 80 characters (empty: not assessed)");
        }
        return Optional.of(choice);
    }

    private OwedFilter owedIn(LocalDate today, String currency, String bucket, Optional<SegmentChoice> segment, String value) {
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "must be an ISO 4217 code, such as EUR");
        }
        if (segment.isPresent()) {
            // a segment's drill-down lists all it owes: the charts by segment are not cut by bucket
            if (!bucket.equals("all")) {
                throw new InvalidInputException("bucket", "must be all when a segment is given");
            }
            return LedgerReports.owedInSegment(today, currency, segment.get().kind, value);
        }
        if (bucket.equals("all")) {
            return LedgerReports.owed(today, currency, null, null);
        }
        if (bucket.equals(FROZEN_BY_INSOLVENCY)) {
            return LedgerReports.owedFrozenByInsolvency(today, currency);
        }
        if (bucket.equals("overdue")) {
            return LedgerReports.owed(today, currency, null, today.minusDays(1));
        }
        AgeingBucket chosen = AgeingBucket.ofLabel(bucket).orElseThrow(() -> new InvalidInputException("bucket",
                "must be all, overdue, insolvency or one of not_due, 1_30, 31_60, 61_90, 91_180, over_180"));
        return LedgerReports.owed(today, currency, chosen.dueFrom(today).orElse(null), chosen.dueTo(today).orElse(null));
    }

    /** Per currency: the buckets' labels and amounts, and where clicking each bar leads. */
    private List<Map<String, Object>> ageingChart(List<AgedBalance> balances, Locale locale) {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (AgedBalance balance : balances) {
            List<String> buckets = new ArrayList<>();
            List<BigDecimal> amounts = new ArrayList<>();
            List<String> links = new ArrayList<>();
            for (AgeingBucket bucket : AgeingBucket.values()) {
                buckets.add(texts.getMessage("dashboard.bucket." + bucket.label(), null, locale));
                amounts.add(balance.byBucket().get(bucket));
                links.add(PATH + "/invoices?currency=" + balance.currency() + "&bucket=" + bucket.label());
            }
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("currency", balance.currency());
            chart.put("categories", buckets);
            chart.put("values", amounts);
            chart.put("links", links);
            charts.add(chart);
        }
        return charts;
    }
}

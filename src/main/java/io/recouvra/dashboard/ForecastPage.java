package io.recouvra.dashboard;

import io.recouvra.collection.CollectionFigures;
import io.recouvra.dashboard.CashForecast.Forecast;
import io.recouvra.dashboard.CashForecast.Week;
import io.recouvra.receivables.CashFigures;
import io.recouvra.receivables.CashFigures.ExpectedInvoice;
import io.recouvra.web.InvalidInputException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Cash forecast page: per currency, the 13 weeks of receipts expected from the current one beside what came in
 * over the 13 weeks before (a chart and its table), each week's invoices one click away, and the CSV export.
 */
@Controller
class ForecastPage implements DashboardPage {

    static final String PATH = "/dashboard/forecast";
    static final int LIST_SIZE = 50;

    private final CashForecast forecast;
    private final CashFigures cash;
    private final CollectionFigures collection;
    private final MessageSource texts;
    private final Clock clock;

    ForecastPage(CashForecast forecast, CashFigures cash, CollectionFigures collection, MessageSource texts, Clock clock) {
        this.forecast = forecast;
        this.cash = cash;
        this.collection = collection;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "forecast";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 50;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.MANAGERS_ONLY;
    }

    @GetMapping(PATH)
    String page(Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<Forecast> forecasts = forecast.on(today, Set.of());
        model.addAttribute("today", today);
        model.addAttribute("current", CashForecast.mondayOf(today));
        model.addAttribute("forecasts", forecasts);
        model.addAttribute("forecastChart", ChartJson.of(forecasts.stream().map(f -> chart(f, locale)).toList()));
        return "dashboard/forecast";
    }

    /** The open invoices expected in the week starting {@code week} (a Monday), by expected day, a page at a time. */
    @GetMapping(PATH + "/invoices")
    String invoices(@RequestParam String week, @RequestParam(required = false) Integer page, Model model) {
        LocalDate monday = monday(week);
        int number = Period.page(page);
        List<ExpectedInvoice> lines = cash.expectedBetween(monday, monday.plusDays(6),
                collection.invoicesPromisedOrInPlan(Set.of()), Set.of(), number, LIST_SIZE + 1);
        model.addAttribute("week", monday);
        model.addAttribute("page", number);
        model.addAttribute("more", lines.size() > LIST_SIZE);
        model.addAttribute("lines", lines.stream().limit(LIST_SIZE).toList());
        return "dashboard/forecast-invoices";
    }

    @GetMapping(PATH + "/weeks.csv")
    ResponseEntity<String> csv() {
        return csv(forecast.on(LocalDate.now(clock), Set.of())).download("prevision-de-tresorerie.csv");
    }

    /**
     * Per currency: what was expected before the current week, each week, what is expected later, and the page's headline
     * "Attendu sur les 13 semaines" last, as a total line under its weeks (the past weeks expect nothing).
     */
    static Csv csv(List<Forecast> forecasts) {
        Csv csv = Csv.withHeader("devise", "semaine du", "attendu", "encaisse");
        for (Forecast f : forecasts) {
            csv.row(f.currency(), "attendu avant", f.expectedBefore(), null);
            for (Week week : f.weeks()) {
                csv.row(f.currency(), week.monday(), week.expected(), week.received());
            }
            csv.row(f.currency(), "attendu plus tard", f.expectedLater(), null);
            csv.row(f.currency(), "attendu sur les 13 semaines", f.expectedOverWeeks(), null);
        }
        return csv;
    }

    private static LocalDate monday(String week) {
        LocalDate day;
        try {
            day = LocalDate.parse(week);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("week", "must be a Monday written 2026-12-07");
        }
        if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidInputException("week", "must be a Monday");
        }
        return day;
    }

    private Map<String, Object> chart(Forecast f, Locale locale) {
        Formats formats = new Formats(locale);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("currency", f.currency());
        chart.put("months", f.weeks().stream().map(w -> formats.day(w.monday())).toList());
        chart.put("series", List.of(
                Map.of("name", texts.getMessage("dashboard.forecast.expected", null, locale),
                        "values", f.weeks().stream().map(Week::expected).toList()),
                Map.of("name", texts.getMessage("dashboard.forecast.received", null, locale),
                        "values", f.weeks().stream().map(Week::received).toList())));
        return chart;
    }
}

package io.recouvra.dashboard;

import io.recouvra.dashboard.RiskFigures.CustomerRisk;
import io.recouvra.dashboard.RiskFigures.EarlyWarning;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Risk page: the customers' exposures, largest first, against their credit limit and the insurer's cover (a chart
 * of the page's exposures and its table: the customers are the drill-down), the early warnings of the last 30 days,
 * and the CSV export.
 */
@Controller
class RiskPage implements DashboardPage {

    static final String PATH = "/dashboard/risk";
    static final int PAGE_SIZE = 50;
    /** The CSV export's rows at most: the largest exposures. */
    static final int CSV_ROWS = 10_000;

    private final RiskFigures risk;
    private final Clock clock;
    private final ZoneId zone;

    RiskPage(RiskFigures risk, Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.risk = risk;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String key() {
        return "risk";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 60;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.MANAGERS_ONLY;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) Integer page, Model model) {
        LocalDate today = LocalDate.now(clock);
        int number = Period.page(page);
        List<CustomerRisk> risks = risk.exposures(today, Set.of(), number, PAGE_SIZE + 1);
        List<CustomerRisk> shown = risks.stream().limit(PAGE_SIZE).toList();
        List<EarlyWarning> warnings = risk.earlyWarnings(today, Set.of(), 0, PAGE_SIZE);
        model.addAttribute("today", today);
        model.addAttribute("page", number);
        model.addAttribute("more", risks.size() > PAGE_SIZE);
        model.addAttribute("risks", shown);
        model.addAttribute("warnings", warnings);
        model.addAttribute("warningDays", RiskFigures.WARNING_DAYS);
        model.addAttribute("zone", zone);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", shown.stream().map(r -> r.customerName() + " (" + r.currency() + ")").toList());
        chart.put("values", shown.stream().map(CustomerRisk::exposure).toList());
        model.addAttribute("exposureChart", ChartJson.of(List.of(chart)));
        return "dashboard/risk";
    }

    @GetMapping(PATH + "/exposures.csv")
    ResponseEntity<String> csv() {
        LocalDate today = LocalDate.now(clock);
        Csv csv = Csv.withHeader("client", "devise", "exposition", "echu", "limite de credit (EUR)", "marge", "assure", "non assure");
        for (CustomerRisk r : risk.exposures(today, Set.of(), 0, CSV_ROWS)) {
            csv.row(r.customerName(), r.currency(), r.exposure(), r.overdue(), r.creditLimit(), r.headroom().orElse(null),
                    r.insured(), r.uninsured());
        }
        return csv.download("risque.csv");
    }
}

package io.recouvra.dashboard;

import io.recouvra.collection.CallAttempts;
import io.recouvra.collection.CallAttempts.CallLine;
import io.recouvra.dashboard.TeamFigures.Member;
import io.recouvra.receivables.CustomerService;
import io.recouvra.web.InvalidInputException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Team page: per collector, the calls made in the period and their outcomes (a chart and its table), the promises
 * they obtained and how many were kept, the call tasks past their due date, a collector's calls one click away, the CSV.
 * Managers, credit managers and admins see every collector; a collector sees her own figures only (the "team
 * figures only": Recouvra has no team entity, so her team is herself).
 */
@Controller
class TeamPage implements DashboardPage {

    static final String PATH = "/dashboard/team";
    static final int LIST_SIZE = 50;
    private static final Set<String> SEE_EVERYONE = Set.copyOf(DashboardSecurity.MANAGERS_ONLY);

    /** A call of the drill-down, with its customer's name and its moment in the business time zone. */
    record Line(CallLine call, String customerName, LocalDateTime madeAt) {
    }

    private final TeamFigures figures;
    private final CallAttempts attempts;
    private final CustomerService customers;
    private final MessageSource texts;
    private final Clock clock;
    private final ZoneId zone;

    TeamPage(TeamFigures figures, CallAttempts attempts, CustomerService customers, MessageSource texts, Clock clock,
             @Value("${recouvra.zone}") ZoneId zone) {
        this.figures = figures;
        this.attempts = attempts;
        this.customers = customers;
        this.texts = texts;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String key() {
        return "team";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public int position() {
        return 27;
    }

    @Override
    public List<String> openTo() {
        return DashboardSecurity.EVERY_READER;
    }

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Principal user,
                Model model, Locale locale) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        boolean everyone = seesEveryone();
        List<Member> members = members(period, user, everyone);
        model.addAttribute("period", period);
        model.addAttribute("everyone", everyone);
        model.addAttribute("members", members);
        model.addAttribute("outcomes", TeamFigures.OUTCOMES);
        model.addAttribute("unassignedOverdue", everyone ? figures.overdueUnassigned() : 0L);
        model.addAttribute("callsChart", ChartJson.of(List.of(chart(members, period, locale))));
        return "dashboard/team";
    }

    /** The calls one collector made in the period, the latest first; a collector may list her own only. */
    @GetMapping(PATH + "/calls")
    String calls(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String collector, @RequestParam(required = false) Integer page,
                 Principal user, Model model) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        if (collector == null || collector.isBlank() || collector.length() > 128) {
            throw new InvalidInputException("collector", "must name a collector (her user id)");
        }
        if (!seesEveryone() && !collector.equals(user.getName())) {
            throw new AccessDeniedException("a collector lists her own calls only");
        }
        int number = Period.page(page);
        List<CallLine> lines = attempts.callsList(period.from(), period.to(), collector, number, LIST_SIZE + 1);
        Map<UUID, String> names = customers.legalNamesOf(lines.stream().map(CallLine::customerId).distinct().toList());
        model.addAttribute("period", period);
        model.addAttribute("collector", collector);
        model.addAttribute("page", number);
        model.addAttribute("more", lines.size() > LIST_SIZE);
        model.addAttribute("lines", lines.stream().limit(LIST_SIZE)
                .map(l -> new Line(l, names.get(l.customerId()), LocalDateTime.ofInstant(l.madeAt(), zone))).toList());
        return "dashboard/team-calls";
    }

    @GetMapping(PATH + "/figures.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               Principal user) {
        Period period = Period.of(from, to, LocalDate.now(clock));
        Csv csv = Csv.withHeader("du", "au", "gestionnaire", "appels", "promesse", "plan demande", "deja paye", "litige",
                "mauvais contact", "pas de reponse", "promesses obtenues", "tenues", "non tenues", "taux tenu (%)",
                "taches en retard");
        for (Member m : members(period, user, seesEveryone())) {
            csv.row(period.from(), period.to(), m.collector(), m.calls(), m.calls("PROMISE_TO_PAY"),
                    m.calls("PAYMENT_PLAN_REQUESTED"), m.calls("ALREADY_PAID"), m.calls("DISPUTE"), m.calls("WRONG_CONTACT"),
                    m.calls("NO_ANSWER"), m.promises(), m.kept(), m.broken(), m.keptRate().orElse(null), m.overdueTasks());
        }
        return csv.download("equipe.csv");
    }

    private List<Member> members(Period period, Principal user, boolean everyone) {
        return everyone ? figures.everyone(period.from(), period.to()) : figures.of(user.getName(), period.from(), period.to());
    }

    /** Who sees every collector: a manager, a credit manager, an admin; anyone else (a collector) sees herself. */
    private static boolean seesEveryone() {
        return DashboardModel.groupsOfCurrentUser().stream().anyMatch(SEE_EVERYONE::contains);
    }

    /** The calls per collector, stacked by outcome; a bar opens the collector's calls. */
    private Map<String, Object> chart(List<Member> members, Period period, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", members.stream().map(Member::collector).toList());
        chart.put("series", TeamFigures.OUTCOMES.stream().map(outcome -> Map.of(
                "name", texts.getMessage("dashboard.team.outcome." + outcome, null, locale),
                "values", members.stream().map(m -> m.calls(outcome)).toList())).toList());
        chart.put("links", members.stream().map(m -> UriComponentsBuilder.fromPath(PATH + "/calls")
                .queryParam("from", period.from()).queryParam("to", period.to())
                .queryParam("collector", m.collector()).build().encode().toUriString()).toList());
        return chart;
    }
}

package io.recouvra.agency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recouvra.agency.AgencySettings.Agency;
import io.recouvra.agency.AgencySettings.Transport;
import io.recouvra.agency.AgencyUpdate.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the sandbox agencies work their cases, so that the embedded run shows a whole hand-off: a fixed
 * script by the amount handed over, each step sent through the signed webhook path on its day.
 * <ul>
 *   <li>below 2,000: contacted on day 3, recovered in full on day 10;</li>
 *   <li>2,000 to 20,000: contacted on day 3, a promise on day 7, 40 % collected on day 14, the rest on day 30;</li>
 *   <li>20,000 and more: contacted on day 3, 10 % collected on day 20, unrecoverable on day 45.</li>
 * </ul>
 */
@Component
class SandboxAgencyWork {

    private static final Logger log = LoggerFactory.getLogger(SandboxAgencyWork.class);
    private static final BigDecimal SMALL = new BigDecimal("2000");
    private static final BigDecimal LARGE = new BigDecimal("20000");

    private record Step(String name, int day, Kind kind, BigDecimal share) {
    }

    private final AgencySettings settings;
    private final CollectionAgencies agencies;
    private final AgencyCaseRepository cases;
    private final AgencyUpdates updates;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    SandboxAgencyWork(AgencySettings settings, CollectionAgencies agencies, AgencyCaseRepository cases, AgencyUpdates updates, ObjectMapper json,
                      JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.settings = settings;
        this.agencies = agencies;
        this.cases = cases;
        this.updates = updates;
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(fixedDelayString = "${recouvra.agency.sandbox.interval}", initialDelayString = "${recouvra.agency.sandbox.interval}")
    void scheduled() {
        if (settings.sandbox().scheduled()) {
            workOpenCases();
        }
    }

    /** @return how many updates the sandbox agencies sent */
    int workOpenCases() {
        List<String> sandboxes = agencies.all().stream().filter(agency -> agency.transport() == Transport.SANDBOX).map(Agency::id).toList();
        if (sandboxes.isEmpty()) {
            return 0;
        }
        int sent = 0;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (AgencyCase agencyCase : cases.findByAgencyIdInAndClosedAtIsNullAndTransferredAtIsNotNull(sandboxes)) {
            Set<String> done = new HashSet<>(jdbc.queryForList("select event_id from recouvra.agency_update where case_id = ?",
                    String.class, agencyCase.getId()));
            long day = ChronoUnit.DAYS.between(LocalDate.ofInstant(agencyCase.getTransferredAt(), zone), today);
            for (Step step : script(agencyCase.getPrincipal())) {
                String eventId = "sandbox-" + agencyCase.getId() + "-" + step.name();
                if (step.day() > day || done.contains(eventId)) {
                    continue;
                }
                if (!send(agencyCase, step, eventId)) {
                    break;
                }
                sent++;
                if (step.kind() == Kind.UNRECOVERABLE || step.kind() == Kind.RECOVERED) {
                    break;
                }
            }
        }
        return sent;
    }

    private static List<Step> script(BigDecimal principal) {
        if (principal.compareTo(SMALL) < 0) {
            return List.of(new Step("contacted", 3, Kind.CONTACTED, null), new Step("recovered", 10, Kind.RECOVERED, null));
        }
        if (principal.compareTo(LARGE) < 0) {
            return List.of(new Step("contacted", 3, Kind.CONTACTED, null), new Step("promise", 7, Kind.PROMISE, new BigDecimal("0.40")),
                    new Step("partial-payment", 14, Kind.PARTIAL_PAYMENT, new BigDecimal("0.40")),
                    new Step("recovered", 30, Kind.RECOVERED, null));
        }
        return List.of(new Step("contacted", 3, Kind.CONTACTED, null),
                new Step("partial-payment", 20, Kind.PARTIAL_PAYMENT, new BigDecimal("0.10")),
                new Step("unrecoverable", 45, Kind.UNRECOVERABLE, null));
    }

    /** One update, signed with the agency's secret and received like any agency's; false when it was refused. */
    private boolean send(AgencyCase agencyCase, Step step, String eventId) {
        ObjectNode body = json.createObjectNode()
                .put("eventId", eventId)
                .put("caseId", agencyCase.getId().toString())
                .put("type", step.kind().name())
                .put("occurredAt", Instant.now(clock).toString())
                .put("currency", agencyCase.getCurrency());
        if (step.share() != null) {
            body.put("amount", agencyCase.getPrincipal().multiply(step.share()).setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        if (step.kind() == Kind.PROMISE) {
            body.put("promisedOn", LocalDate.ofInstant(agencyCase.getTransferredAt(), zone).plusDays(14).toString());
        }
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        String secret = agencies.get(agencyCase.getAgencyId()).webhookSecret();
        try {
            transactions.executeWithoutResult(status -> updates.receive(agencyCase.getAgencyId(), raw, AgencySignatures.sign(secret, raw)));
            return true;
        } catch (RuntimeException refused) {
            log.info("Sandbox agency {}: update {} not taken now ({}), sent again later", agencyCase.getAgencyId(), eventId, refused.getMessage());
            return false;
        }
    }
}

package io.recouvra.agency;

import io.recouvra.agency.AgencyCase.Outcome;
import io.recouvra.agency.AgencySettings.Agency;
import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.messaging.Creditor;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.SentLetters.SentLetter;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerLedger.Allocation;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases handed to collection agencies: opening one with the debt split as the agency must show it, the
 * hand-over, what the debtor paid the creditor directly meanwhile, the recall, and the case's end,
 * announced as {@link AgencyCaseEnded}.
 */
@Service
public class AgencyCases {

    private static final int HISTORY_SENT = 500;

    private final AgencyCaseRepository cases;
    private final CollectionAgencies agencies;
    private final InvoiceService invoices;
    private final LatePaymentClaims claims;
    private final InteractionLog interactions;
    private final Messages messages;
    private final SentLetters letters;
    private final CustomerLedger ledger;
    private final Creditor creditor;
    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    AgencyCases(AgencyCaseRepository cases, CollectionAgencies agencies, InvoiceService invoices, LatePaymentClaims claims,
                InteractionLog interactions, Messages messages, SentLetters letters, CustomerLedger ledger, Creditor creditor,
                JdbcTemplate jdbc, EntityManager entities, ApplicationEventPublisher events, Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.cases = cases;
        this.agencies = agencies;
        this.invoices = invoices;
        this.claims = claims;
        this.interactions = interactions;
        this.messages = messages;
        this.letters = letters;
        this.ledger = ledger;
        this.creditor = creditor;
        this.jdbc = jdbc;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** The inputs of AgencySelection: what is owed, where the debtor sits, its trade, and how the last agency fared. */
    @Transactional(readOnly = true)
    public Map<String, Object> selectionFacts(String invoiceNumber) {
        Invoice invoice = invoices.get(invoiceNumber);
        Customer debtor = invoice.getCustomer();
        List<AgencyCase> earlier = cases.findByCustomerIdOrderByOpenedAtDesc(debtor.getId());
        Map<String, Object> facts = new HashMap<>();
        facts.put("totalOwed", invoice.getOutstanding().doubleValue());
        facts.put("debtorCountry", debtor.getCountry());
        facts.put("sector", debtor.getSector() == null ? "" : debtor.getSector().toUpperCase(Locale.ROOT));
        facts.put("lastAgency", earlier.isEmpty() ? "" : earlier.get(0).getAgencyId());
        facts.put("lastAgencyOutcome", earlier.isEmpty() || earlier.get(0).getOutcome() == null ? "" : earlier.get(0).getOutcome().name());
        return facts;
    }

    /** Opens the case with the debt as it stands today; the hand-over is a step of its own, so that a retry sends the same case. */
    @Transactional(noRollbackFor = MissingLatePaymentRate.class) // its step waits for the rate, its transaction commits
    public UUID open(String invoiceNumber, String agencyId) {
        Agency agency = agencies.selected(agencyId);
        Invoice invoice = invoices.get(invoiceNumber);
        LocalDate today = today();
        LatePaymentClaims.Claim claim = claims.claim(List.of(invoice), today);
        AgencyCase opened = cases.save(new AgencyCase(agency.id(), invoice.getId(), invoice.getCustomer().getId(), invoiceNumber,
                invoice.getCurrency(), claim.principal(), claim.interest(), claim.indemnityEur(), clock.instant(),
                today.plus(agency.mandate())));
        return opened.getId();
    }

    /** Hands the case to its agency; from now on the agency holds it and nothing more goes out from Recouvra. */
    @Transactional
    public LocalDate transfer(UUID caseId) {
        AgencyCase agencyCase = lock(caseId);
        Agency agency = agencies.get(agencyCase.getAgencyId());
        if (agencyCase.getAgencyReference() == null) {
            String reference = agencies.port(agency.id()).transfer(caseFile(agencyCase));
            agencyCase.transferred(reference, clock.instant());
        }
        invoices.escalate(agencyCase.getInvoiceNumber(), InvoiceStatus.WITH_AGENCY);
        messages.cancelPending(agencyCase.getInvoiceNumber());
        note(agencyCase, Direction.OUTBOUND, Type.ESCALATION, "Handed to " + agency.name() + " (reference "
                + agencyCase.getAgencyReference() + ") until " + agencyCase.getMandateEndsOn() + ": principal "
                + AmountDisplay.of(agencyCase.getPrincipal(), agencyCase.getCurrency()) + ", interest "
                + AmountDisplay.of(agencyCase.getInterest(), agencyCase.getCurrency()) + ", indemnity "
                + AmountDisplay.of(agencyCase.getIndemnityEur(), "EUR"), null);
        return agencyCase.getMandateEndsOn();
    }

    /**
     * Tells the agency of what the debtor paid the creditor directly since the hand-over and it was not told
     * of yet, and records the agency's commission on it where its terms claim one.
     */
    @Transactional
    public void reportDirectPayments(UUID caseId) {
        AgencyCase agencyCase = lock(caseId);
        if (agencyCase.getAgencyReference() == null) {
            return;
        }
        BigDecimal unreported = paidDirectlySinceHandover(agencyCase).subtract(agencyCase.getReportedDirect());
        if (unreported.signum() <= 0) {
            return;
        }
        Agency agency = agencies.get(agencyCase.getAgencyId());
        agencies.port(agency.id()).reportDirectPayment(agencyCase.getAgencyReference(), agencyCase.reference(), unreported,
                agencyCase.getCurrency(), today());
        agencyCase.reportedDirect(unreported);
        BigDecimal rate = agency.directPaymentCommissionRate() == null ? BigDecimal.ZERO : agency.directPaymentCommissionRate();
        if (rate.signum() > 0) {
            recordCommission(agencyCase, "PAID_DIRECTLY", unreported, rate, null);
        }
        note(agencyCase, Direction.OUTBOUND, Type.NOTE, "Told " + agency.name() + " of "
                + AmountDisplay.of(unreported, agencyCase.getCurrency()) + " paid to the creditor directly", null);
    }

    /**
     * The invoice is settled: paid (to the agency, or directly, which the agency is told of), cancelled by a
     * credit note or written off (the agency is recalled).
     */
    @Transactional
    public Outcome settled(UUID caseId, InvoiceStatus settledAs) {
        AgencyCase agencyCase = lock(caseId);
        if (!agencyCase.isOpen()) {
            return agencyCase.getOutcome();
        }
        Outcome outcome;
        if (settledAs == InvoiceStatus.PAID) {
            reportDirectPayments(caseId);
            outcome = collectedByAgency(caseId).signum() > 0 ? Outcome.RECOVERED : Outcome.PAID_DIRECTLY;
            if (outcome == Outcome.PAID_DIRECTLY) {
                recall(agencyCase, "paid to the creditor directly");
            }
        } else {
            outcome = settledAs == InvoiceStatus.CANCELLED ? Outcome.CANCELLED : Outcome.WRITTEN_OFF;
            recall(agencyCase, settledAs == InvoiceStatus.CANCELLED ? "cancelled by a credit note" : "written off by the creditor");
        }
        close(agencyCase, outcome);
        return outcome;
    }

    /** The mandate ran out without a result: the case is recalled and goes back to InvoiceCollection. */
    @Transactional
    public void expire(UUID caseId) {
        AgencyCase agencyCase = lock(caseId);
        if (agencyCase.isOpen()) {
            recall(agencyCase, "mandate expired on " + agencyCase.getMandateEndsOn());
            close(agencyCase, Outcome.MANDATE_EXPIRED);
        }
    }

    /**
     * The invoice's open cases are recalled from their agencies (told to stop) for that reason; whether there was one.
     * The case itself is closed by its AgencyHandoff, as when the agency reports the debtor insolvent.
     */
    @Transactional
    boolean recallOpenCases(String invoiceNumber, String reason) {
        boolean recalled = false;
        for (AgencyCase open : cases.findByInvoiceNumberOrderByOpenedAtDesc(invoiceNumber)) {
            if (open.isOpen()) {
                recall(lock(open.getId()), reason);
                recalled = true;
            }
        }
        return recalled;
    }

    /** The agency ended the case itself (unrecoverable, debtor insolvent, returned, recovered in part). */
    @Transactional
    public void closeAsReported(UUID caseId, Outcome outcome) {
        close(lock(caseId), outcome);
    }

    /**
     * Announces that the invoice's hand-off is over ({@link AgencyCaseEnded}, heard in this transaction).
     * RETURNED puts the invoice back in the receivables' open state, for whoever handed it over to go on from there.
     */
    @Transactional
    public void handBack(String invoiceNumber, AgencyCaseEnded.Outcome outcome) {
        if (outcome == AgencyCaseEnded.Outcome.RETURNED) {
            invoices.resume(invoiceNumber);
        }
        events.publishEvent(new AgencyCaseEnded(invoiceNumber, outcome));
    }

    @Transactional(readOnly = true)
    public List<AgencyCaseView> ofInvoice(String invoiceNumber) {
        return cases.findByInvoiceNumberOrderByOpenedAtDesc(invoiceNumber).stream().map(this::view).toList();
    }

    AgencyCaseView view(AgencyCase agencyCase) {
        Agency agency = agencies.get(agencyCase.getAgencyId());
        return new AgencyCaseView(agencyCase.getId(), agency.id(), agency.name(), agencyCase.getInvoiceNumber(),
                agencyCase.getAgencyReference(), agencyCase.getCurrency(), agencyCase.getPrincipal(), agencyCase.getInterest(),
                agencyCase.getIndemnityEur(), agencyCase.getTransferredAt(), agencyCase.getMandateEndsOn(),
                collectedByAgency(agencyCase.getId()), agencyCase.getReportedDirect(), commission(agencyCase.getId()),
                agencyCase.getOutcome() == null ? null : agencyCase.getOutcome().name(), agencyCase.getClosedAt());
    }

    public record AgencyCaseView(UUID caseId, String agencyId, String agencyName, String invoiceNumber, String agencyReference,
                                 String currency, BigDecimal principal, BigDecimal interest, BigDecimal indemnityEur,
                                 Instant transferredAt, LocalDate mandateEndsOn, BigDecimal collectedByAgency,
                                 BigDecimal paidDirectlyReported, BigDecimal commission, String outcome,
                                 Instant closedAt) {
    }

    AgencyCase lock(UUID caseId) {
        return lockIfPresent(caseId).orElseThrow(() -> new NotFoundException("No agency case " + caseId));
    }

    Optional<AgencyCase> lockIfPresent(UUID caseId) {
        return cases.lockById(caseId);
    }

    void recordCommission(AgencyCase agencyCase, String basis, BigDecimal collected, BigDecimal rate, UUID paymentId) {
        entities.flush(); // the payment it refers to was only persisted so far
        BigDecimal commission = collected.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        jdbc.update("""
                insert into recouvra.agency_commission (id, case_id, basis, collected, rate, commission, currency, payment_id, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), agencyCase.getId(), basis, collected, rate, commission,
                agencyCase.getCurrency(), paymentId, Timestamp.from(clock.instant()));
    }

    Interaction note(AgencyCase agencyCase, Direction direction, Type type, String summary, String content) {
        return interactions.record(agencyCase.getCustomerId(), agencyCase.getInvoiceId(), Medium.AGENCY, direction, type, summary, content);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void recall(AgencyCase agencyCase, String reason) {
        if (agencyCase.getAgencyReference() == null) {
            return;
        }
        Agency agency = agencies.get(agencyCase.getAgencyId());
        agencies.port(agency.id()).recall(agencyCase.getAgencyReference(), agencyCase.reference(), reason);
        note(agencyCase, Direction.OUTBOUND, Type.ESCALATION, "Case recalled from " + agency.name() + ": " + reason, null);
    }

    private void close(AgencyCase agencyCase, Outcome outcome) {
        if (agencyCase.isOpen()) {
            agencyCase.close(outcome, clock.instant());
            note(agencyCase, Direction.INTERNAL, Type.ESCALATION, "Agency case closed: " + outcome.name().toLowerCase().replace('_', ' '), null);
        }
    }

    /** Payments allocated to the invoice since the hand-over, other than those the agency collected. */
    private BigDecimal paidDirectlySinceHandover(AgencyCase agencyCase) {
        List<Allocation> sinceHandover = ledger.allocationsTo(List.of(agencyCase.getInvoiceNumber())).stream()
                .filter(allocation -> !allocation.receivedAt().isBefore(agencyCase.getTransferredAt()))
                .toList();
        if (sinceHandover.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Set<UUID> collectedByAgencies = Set.copyOf(jdbc.queryForList(
                "select payment_id from recouvra.agency_commission where payment_id = any (?)", UUID.class,
                (Object) sinceHandover.stream().map(Allocation::paymentId).toArray(UUID[]::new)));
        return sinceHandover.stream().filter(allocation -> !collectedByAgencies.contains(allocation.paymentId()))
                .map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal collectedByAgency(UUID caseId) {
        return jdbc.queryForObject("select coalesce(sum(collected), 0) from recouvra.agency_commission where case_id = ? and basis = 'COLLECTED_BY_AGENCY'",
                BigDecimal.class, caseId);
    }

    /** The agencies' commissions on these invoices' cases, whatever the case's state, summed per invoice id. */
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> commissionsOn(Collection<UUID> invoiceIds) {
        Map<UUID, BigDecimal> commissions = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            jdbc.query("""
                    select c.invoice_id, sum(m.commission) from recouvra.agency_commission m
                    join recouvra.agency_case c on c.id = m.case_id where c.invoice_id = any (?) group by c.invoice_id""",
                    (java.sql.ResultSet rs) -> {
                        commissions.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                    }, (Object) invoiceIds.toArray(UUID[]::new));
        }
        return commissions;
    }

    private BigDecimal commission(UUID caseId) {
        return jdbc.queryForObject("select coalesce(sum(commission), 0) from recouvra.agency_commission where case_id = ?",
                BigDecimal.class, caseId);
    }

    private CaseFile caseFile(AgencyCase agencyCase) {
        Invoice invoice = invoices.get(agencyCase.getInvoiceNumber());
        Customer debtor = invoice.getCustomer();
        BigDecimal total = agencyCase.getPrincipal().add(agencyCase.getInterest())
                .add("EUR".equals(agencyCase.getCurrency()) ? agencyCase.getIndemnityEur() : BigDecimal.ZERO);
        List<CaseFile.HistoryEntry> history = interactions.ofInvoice(invoice.getId(), 0, HISTORY_SENT).getContent().stream()
                .map(entry -> new CaseFile.HistoryEntry(entry.getOccurredAt(), entry.getChannel().name(), entry.getDirection().name(),
                        entry.getType().name(), entry.getSummary()))
                .toList();
        return new CaseFile(agencyCase.reference(),
                new CaseFile.Creditor(creditor.name(), creditor.address(), creditor.iban(), creditor.bic(), creditor.email(), creditor.phone()),
                new CaseFile.Debtor(debtor.getLegalName(), debtor.getRegistrationNumber(), debtor.getAddressLine(), debtor.getPostalCode(),
                        debtor.getCity(), debtor.getCountry(), debtor.getContacts().stream()
                        .map(contact -> new CaseFile.Contact(contact.getName(), contact.getRole(), contact.getEmail(), contact.getPhone()))
                        .toList()),
                List.of(new CaseFile.InvoiceLine(invoice.getNumber(), invoice.getIssueDate(), invoice.getDueDate(), invoice.getAmount(),
                        invoice.getOutstanding(), invoice.getCurrency())),
                new CaseFile.Amounts(agencyCase.getCurrency(), agencyCase.getPrincipal(), agencyCase.getInterest(),
                        agencyCase.getIndemnityEur(), total),
                agencyCase.getMandateEndsOn(), history, letters(invoice.getId()));
    }

    /** The letters sent about the invoice as they were sent (formal notices above all), for the agency's file. */
    private List<CaseFile.Document> letters(UUID invoiceId) {
        List<SentLetter> sent = letters.aboutInvoice(invoiceId);
        return IntStream.range(0, sent.size())
                .mapToObj(n -> new CaseFile.Document(sent.get(n).step().toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + (n + 1)
                        + ".pdf", "application/pdf", sent.get(n).pdf()))
                .toList();
    }
}

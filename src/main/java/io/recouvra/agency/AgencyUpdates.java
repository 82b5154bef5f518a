package io.recouvra.agency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.agency.AgencyCase.Outcome;
import io.recouvra.agency.AgencySettings.Agency;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.Payment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agencies report through their webhook. Each update is stored once (a replayed event id changes
 * nothing), money the agency collected is booked in the ledger with its commission, and an update that ends
 * the agency's work goes to the case's AgencyHandoff.
 */
@Service
class AgencyUpdates {

    enum Received { APPLIED, DUPLICATE }

    /** The signature does not match the agency's secret: nothing is read, nothing is said. */
    static class ForgedUpdate extends RuntimeException {
        ForgedUpdate() {
            super("bad signature");
        }
    }

    private final CollectionAgencies agencies;
    private final AgencyCases cases;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    AgencyUpdates(CollectionAgencies agencies, AgencyCases cases, PaymentService payments, InvoiceService invoices,
                  RuntimeService runtime, ObjectMapper json, JdbcTemplate jdbc, Clock clock,
                  @Value("${recouvra.zone}") ZoneId zone, ApplicationEventPublisher events) {
        this.events = events;
        this.agencies = agencies;
        this.cases = cases;
        this.payments = payments;
        this.invoices = invoices;
        this.runtime = runtime;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public Received receive(String agencyId, byte[] body, String signature) {
        // an unknown agency is answered like a forged signature: the webhook tells no one which agencies exist
        Agency agency = agencies.find(agencyId).orElseThrow(ForgedUpdate::new);
        if (!AgencySignatures.isValid(agency.webhookSecret(), body, signature)) {
            throw new ForgedUpdate();
        }
        AgencyUpdate update = AgencyUpdate.read(parse(body));
        AgencyCase agencyCase = cases.lockIfPresent(update.caseId()).orElse(null);
        if (agencyCase == null || !agencyCase.getAgencyId().equals(agencyId)) {
            throw new InvalidInputException("caseId", "no case " + update.caseId() + " was handed to " + agencyId);
        }
        if (update.currency() != null && !update.currency().equals(agencyCase.getCurrency())) {
            throw new InvalidInputException("currency", "the case is in " + agencyCase.getCurrency());
        }
        if (!store(agencyId, update)) {
            return Received.DUPLICATE;
        }
        apply(agency, agencyCase, update);
        return Received.APPLIED;
    }

    private void apply(Agency agency, AgencyCase agencyCase, AgencyUpdate update) {
        String from = agency.name() + ": ";
        switch (update.type()) {
            case CONTACTED -> cases.note(agencyCase, Direction.INBOUND, Type.NOTE, from + "debtor contacted", update.note());
            case PROMISE -> cases.note(agencyCase, Direction.INBOUND, Type.PROMISE_TO_PAY, from + "debtor promised to pay by "
                    + update.promisedOn() + (update.amount() == null ? "" : " " + AmountDisplay.of(update.amount(), agencyCase.getCurrency())),
                    update.note());
            case PARTIAL_PAYMENT -> book(agency, agencyCase, update, update.amount());
            case RECOVERED -> {
                Invoice invoice = invoices.get(agencyCase.getInvoiceNumber());
                BigDecimal collected = update.amount() != null ? update.amount() : invoice.getOutstanding();
                if (collected.signum() > 0) {
                    book(agency, agencyCase, update, collected);
                }
                // settled: the ledger tells AgencyHandoff; a remainder is the agency closing with part of the debt
                if (!invoices.get(agencyCase.getInvoiceNumber()).isSettled()) {
                    endCase(agencyCase, Outcome.PARTLY_RECOVERED, from + "case closed with part of the debt recovered", update);
                }
            }
            case UNRECOVERABLE -> endCase(agencyCase, Outcome.UNRECOVERABLE, from + "debt unrecoverable", update);
            case RETURNED -> endCase(agencyCase, Outcome.RETURNED, from + "case returned", update);
            case DEBTOR_INSOLVENT -> {
                // nothing recorded on the agency's word alone: the day of its update is not the judgment's, which splits
                // the frozen claims from the others; a legal officer checks and records the proceedings
                events.publishEvent(new AgencyReportedInsolvency(agencyCase.getCustomerId(), agency.name(),
                        agencyCase.getInvoiceNumber(), LocalDate.ofInstant(update.occurredAt(), zone), update.note()));
                endCase(agencyCase, Outcome.DEBTOR_INSOLVENT, from + "debtor in insolvency proceedings", update);
            }
        }
    }

    /** Money the agency collected: a payment on the invoice (what exceeds it is the customer's credit), and its commission. */
    private void book(Agency agency, AgencyCase agencyCase, AgencyUpdate update, BigDecimal collected) {
        Invoice invoice = invoices.get(agencyCase.getInvoiceNumber());
        BigDecimal onInvoice = invoice.getStatus().isClosed() ? BigDecimal.ZERO : collected.min(invoice.getOutstanding());
        String reference = ("AGENCY " + agency.id() + " " + update.eventId());
        Payment payment = payments.register(new NewPayment(agencyCase.getCustomerId(), collected, agencyCase.getCurrency(),
                LocalDate.ofInstant(update.occurredAt(), zone), reference.substring(0, Math.min(reference.length(), 100)),
                onInvoice.signum() > 0 ? List.of(new NewPayment.Allocation(invoice.getNumber(), onInvoice)) : null));
        cases.recordCommission(agencyCase, "COLLECTED_BY_AGENCY", collected, agency.commissionRate(), payment.getId());
        cases.note(agencyCase, Direction.INBOUND, Type.NOTE, agency.name() + ": " + AmountDisplay.of(collected, agencyCase.getCurrency())
                + " collected (commission " + agency.commissionRate().stripTrailingZeros().toPlainString() + " %)", update.note());
    }

    /**
     * The agency's work is over: AgencyHandoff closes the case and hands it back. An update that comes while
     * the case is not waiting for one (still being handed over) is refused with 409, for the agency to send again.
     */
    private void endCase(AgencyCase agencyCase, Outcome outcome, String summary, AgencyUpdate update) {
        cases.note(agencyCase, Direction.INBOUND, Type.ESCALATION, summary, update.note());
        if (!agencyCase.isOpen()) {
            return;
        }
        boolean heard = !runtime.createMessageCorrelation(AgencyHandoffContract.MESSAGE_CASE_CLOSED)
                .processInstanceBusinessKey(agencyCase.getInvoiceNumber())
                .setVariable(AgencyHandoffContract.AGENCY_OUTCOME, outcome.name())
                .correlateAllWithResult().isEmpty();
        if (!heard) {
            throw new ConflictException("caseId", "case " + agencyCase.getId() + " is not waiting for an outcome now: send the update again later");
        }
    }

    private boolean store(String agencyId, AgencyUpdate update) {
        return jdbc.update("""
                insert into recouvra.agency_update (id, agency_id, event_id, case_id, type, occurred_at, amount, promised_on, note, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (agency_id, event_id) do nothing""",
                UUID.randomUUID(), agencyId, update.eventId(), update.caseId(), update.type().name(), Timestamp.from(update.occurredAt()),
                update.amount(), update.promisedOn() == null ? null : Date.valueOf(update.promisedOn()), update.note(),
                Timestamp.from(clock.instant())) == 1;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException("body", "a JSON object is expected");
            }
            return tree;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException unreadable ? unreadable.getOriginalMessage() : e.getMessage();
            throw new InvalidInputException("body", "not readable JSON: " + why);
        }
    }
}

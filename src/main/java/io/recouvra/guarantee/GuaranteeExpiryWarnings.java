package io.recouvra.guarantee;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early warning of a guarantee about to end with exposure still under it: a Tasklist task for the credit managers
 * (call it while it can be called, or have it renewed), raised once per guarantee, {@code warnAhead} before its end.
 * The task is a standalone Tasklist task (id {@code guarantee-expiry-<guarantee id>}), as for undeliverable messages:
 * there is nothing for a process to wait on, the credit manager acts through the register or the escalation. Its name
 * and description are in the team's language ({@link TeamLanguage}), the amounts as everywhere in Tasklist; so is the
 * note it leaves on the customer's trail, which only the team reads.
 */
@Service
class GuaranteeExpiryWarnings {

    static final String TASK_PREFIX = "guarantee-expiry-";

    private final Guarantees guarantees;
    private final GuaranteeCover cover;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final InteractionLog interactions;
    private final TaskService tasks;
    private final GuaranteeSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final TeamLanguage language;
    /** "22 janvier 2027", or "22 January 2027" for an English team. */
    private final DateTimeFormatter day;

    GuaranteeExpiryWarnings(Guarantees guarantees, GuaranteeCover cover, InvoiceService invoices, CustomerService customers,
                            InteractionLog interactions, TaskService tasks, GuaranteeSettings settings, Clock clock,
                            @Value("${recouvra.zone}") ZoneId zone, TeamLanguage language) {
        this.guarantees = guarantees;
        this.cover = cover;
        this.invoices = invoices;
        this.customers = customers;
        this.interactions = interactions;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.language = language;
        this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
    }

    /** Raises the warnings due today; answers the guarantees warned of. */
    @Transactional
    List<Guarantee> raise() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Guarantee> warned = new ArrayList<>();
        for (Guarantee guarantee : guarantees.endingBy(today.plus(settings.warnAhead()))) {
            BigDecimal under = exposureUnder(guarantee, today);
            if (!guarantee.validOn(today) || under.signum() <= 0 || !guarantees.markWarned(guarantee.id(), clock.instant())) {
                continue;
            }
            task(guarantee, under);
            // the note goes with the task, to the same team: in its language too (the debtor's portal shows no trail)
            String endsOn = day.format(guarantee.endsOn());
            String owed = AmountDisplay.of(under, guarantee.currency());
            interactions.record(guarantee.customerId(), guarantee.invoiceId(), Medium.SYSTEM, Direction.INTERNAL, Type.NOTE,
                    language.say("Fin de garantie le " + endsOn + " avec " + owed + " encore dus sous celle-ci : les "
                                    + "responsables crédit sont invités à l'appeler ou à obtenir son renouvellement",
                            "Guarantee ends on " + endsOn + " with " + owed + " still owed under it: credit managers asked to "
                                    + "call it or renew it"), Guarantees.describe(guarantee));
            warned.add(guarantee);
        }
        return warned;
    }

    /** What is still owed that the guarantee secures: its invoice's outstanding amount, or the account's exposure in its currency. */
    private BigDecimal exposureUnder(Guarantee guarantee, LocalDate today) {
        if (guarantee.invoiceId() != null) {
            Invoice invoice = invoices.get(guarantee.invoiceId());
            return invoice.getStatus().isClosed() ? BigDecimal.ZERO : invoice.getOutstanding();
        }
        return cover.of(guarantee.customerId(), today).in(guarantee.currency()).exposure();
    }

    private void task(Guarantee guarantee, BigDecimal under) {
        String customerName = customers.get(guarantee.customerId()).getLegalName();
        Task task = tasks.newTask(TASK_PREFIX + guarantee.id());
        String endsOn = day.format(guarantee.endsOn());
        String amount = AmountDisplay.of(guarantee.amount(), guarantee.currency());
        String provider = guarantee.providerName() == null ? "" : " (" + guarantee.providerName() + ")";
        String owed = AmountDisplay.of(under, guarantee.currency());
        task.setName(language.say("Garantie échéant le ", "Guarantee ending on ") + endsOn + language.nameSeparator() + customerName);
        task.setDescription(language.say(
                what(guarantee) + " de " + amount + provider + " prend fin le " + endsOn + " ; " + owed + " restent dus sous "
                        + "cette garantie. Appelez-la avant son échéance ou obtenez son renouvellement, puis fermez cette tâche.",
                what(guarantee) + " of " + amount + provider + " ends on " + endsOn + "; " + owed + " is still owed under it. "
                        + "Call it before it ends or have it renewed, then close this task."));
        task.setDueDate(Date.from(guarantee.endsOn().minusDays(1).atStartOfDay(zone).toInstant()));
        task.setPriority(70);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), GuaranteeCallContract.CREDIT_MANAGERS);
        tasks.setVariablesLocal(task.getId(), Map.of("customerName", customerName, "guaranteeId", guarantee.id().toString()));
    }

    private String what(Guarantee guarantee) {
        return switch (guarantee.kind()) {
            case PERSONAL_GUARANTEE -> language.say("Le cautionnement", "The personal guarantee");
            case FIRST_DEMAND_GUARANTEE -> language.say("La garantie à première demande", "The first-demand guarantee");
            case RETENTION_OF_TITLE -> language.say("La clause de réserve de propriété", "The retention-of-title clause");
            case DEPOSIT -> language.say("L'acompte", "The deposit");
        };
    }
}

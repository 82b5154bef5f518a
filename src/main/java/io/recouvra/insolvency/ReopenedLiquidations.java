package io.recouvra.insolvency;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.CustomerService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.writeoff.WriteOff;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a reopened liquidation (art. L643-13 C. com.) does to the claims. The reopening resumes the same proceedings: the
 * claims declared in them stay declared (nothing to declare again), and the liquidator pays the creditors from the
 * assets realised late. The claims the closing wrote off stay written off: a reopening is a chance of a dividend, not
 * a payment, and reversing the write-off would put back on the ledger, dunned and provisioned, what nothing yet says
 * will come. So the trail names them and the legal officers get one standalone Tasklist task, in the team's language
 * (texts {@code reopenedLiquidation.*} in {@code tasklist/messages*.properties}), to follow the resumed liquidation with
 * the liquidator and have a dividend booked as a recovery on a written-off claim.
 */
@Component
class ReopenedLiquidations {

    /** The task's id: the prefix and the reopening's id (57 characters: Camunda's ids are at most 64). */
    static final String TASK_PREFIX = "liquidation-reopened-";

    private final ClaimDeclarations declarations;
    private final CustomerService customers;
    private final InteractionLog interactions;
    private final TaskService tasks;
    private final MessageSource texts;
    private final TeamLanguage language;

    ReopenedLiquidations(ClaimDeclarations declarations, CustomerService customers, InteractionLog interactions, TaskService tasks,
                         MessageSource texts, TeamLanguage language) {
        this.declarations = declarations;
        this.customers = customers;
        this.interactions = interactions;
        this.tasks = tasks;
        this.texts = texts;
        this.language = language;
    }

    /** In the transaction that records the reopening. */
    @EventListener
    void reopened(LiquidationReopened reopened) {
        List<WriteOff> writtenOff = declarations.writtenOff(reopened.proceedingsId());
        String listed = writtenOff.stream().map(w -> w.invoiceNumber() + " (" + AmountDisplay.of(w.amount(), w.currency()) + ")")
                .collect(Collectors.joining(", "));
        interactions.record(reopened.customerId(), null, Medium.COURT, Direction.INTERNAL, Type.COURT_STEP,
                writtenOff.isEmpty() ? "Liquidation reopened: no declared claim was written off, nothing to follow on the write-offs"
                        : "Liquidation reopened: the claims written off at the closing stay written off: " + listed,
                "The claims stay declared in the resumed proceedings and are not declared again. A write-off is not reversed by a "
                        + "reopening: nothing is dunned or provisioned again. A dividend from the resumed liquidation is a recovery on "
                        + "a written-off claim: book it with the accountant (income), who also looks again at the VAT recovered on "
                        + "the written-off amount (CGI art. 272-1). A legal officer is asked to follow the reopened liquidation.");
        String customer = customers.get(reopened.customerId()).getLegalName();
        String taskId = TASK_PREFIX + reopened.reopeningId();
        Task task = tasks.newTask(taskId);
        task.setName(say("reopenedLiquidation.task.name", customer));
        // a pattern has at most three arguments (UndeliveredCauseTextsTest): the description is said in parts
        task.setDescription(String.join(" ", say("reopenedLiquidation.task.intro", customer, day(reopened.judgmentDate()),
                day(reopened.closedOn())), writtenOff.isEmpty() ? say("reopenedLiquidation.task.nothingWrittenOff")
                : say("reopenedLiquidation.task.writtenOff", listed), say("reopenedLiquidation.task.todo")));
        tasks.saveTask(task);
        tasks.addCandidateGroup(taskId, RecouvraGroups.LEGAL);
        tasks.setVariablesLocal(taskId, Map.of("customerName", customer, "customerId", reopened.customerId().toString(),
                "proceedingsId", reopened.proceedingsId().toString(), "judgmentDate", reopened.judgmentDate().toString()));
    }

    private String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()));
    }

    private String say(String key, Object... arguments) {
        return texts.getMessage(key, arguments, language.locale());
    }
}

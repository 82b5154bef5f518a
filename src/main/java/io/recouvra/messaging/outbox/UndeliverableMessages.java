package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.engine.TeamLanguage;
import io.recouvra.messaging.composition.MissingTemplateException;
import io.recouvra.receivables.CustomerService;
import io.recouvra.security.RecouvraGroups;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A step of a case (a reminder level, the formal notice) that reaches the debtor on none of its channels
 * must not fail quietly: the collectors get one task in Tasklist to reach the debtor another way, saying
 * for each channel what really went wrong — a missing template is the administrator's business, an
 * opt-out is the debtor's choice, a refused number needs correcting. A step that reached the debtor on
 * one channel (the email went, the SMS did not) needs no one: no task. The task is in the team's language
 * ({@link TeamLanguage}; texts in {@code tasklist/messages*.properties}, causes in {@link UndeliveredCause}).
 */
@Component
class UndeliverableMessages {

    /** Our refusal code for a message no template can write (see {@link MissingTemplateException}). */
    static final String NO_TEMPLATE = "NO_TEMPLATE";

    private static final Set<OutboxStatus> REACHED = EnumSet.of(OutboxStatus.SENT, OutboxStatus.DELIVERED);
    /** Not decided yet: still to be sent, being sent, or maybe sent. The last channel to settle decides. */
    private static final Set<OutboxStatus> OPEN = EnumSet.of(OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.UNKNOWN);
    private static final Set<OutboxStatus> NOT_REACHED = EnumSet.of(OutboxStatus.FAILED, OutboxStatus.UNDELIVERED);

    private static final Pattern CODED = Pattern.compile("([A-Z][A-Z0-9_]*|\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern TWILIO_REPORT = Pattern.compile("Twilio error (\\d+)");
    private static final Pattern GAVE_UP = Pattern.compile("gave up after (\\d+) attempts: (.*)", Pattern.DOTALL);

    private final TaskService tasks;
    private final CustomerService customers;
    private final OutboxMessageRepository outbox;
    private final JdbcTemplate jdbc;
    private final MessageSource texts;
    private final TeamLanguage language;

    UndeliverableMessages(TaskService tasks, CustomerService customers, OutboxMessageRepository outbox, JdbcTemplate jdbc,
                          MessageSource texts, TeamLanguage language) {
        this.tasks = tasks;
        this.customers = customers;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.texts = texts;
        this.language = language;
    }

    /**
     * Called in the transaction that records {@code row}'s final failure, after any fallback channel was
     * queued. Raises the task only when no channel of the step reached the debtor and none is still open.
     */
    void raise(OutboxMessage row) {
        // Channels are sent on their own threads: two failing at once must not each leave the decision to
        // the other. The lock serialises the step's decisions; each reads what the previous one committed.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null,
                "outbox-step:" + row.getCaseRef() + "/" + row.getStep());
        List<OutboxMessage> step = outbox.findByCaseRefAndStepOrderByCreatedAt(row.getCaseRef(), row.getStep());
        if (step.stream().anyMatch(r -> REACHED.contains(r.getStatus()) || OPEN.contains(r.getStatus()))) {
            return;
        }
        // channels asked at the same instant are listed in the same order at every raise: email, SMS, letter
        List<OutboxMessage> failed = step.stream().filter(r -> NOT_REACHED.contains(r.getStatus()))
                .sorted(Comparator.comparing(OutboxMessage::getCreatedAt).thenComparing(OutboxMessage::getChannel)).toList();
        String taskId = "undeliverable-" + row.getId();
        if (failed.isEmpty() || tasks.createTaskQuery().taskId(taskId).count() > 0) {
            return;
        }
        Task task = tasks.newTask(taskId);
        task.setName(say("undeliverable.task.name", row.getCaseRef()));
        // the kind as the team calls it ("Relance 1"); the step's code says no more to a collector, and the row is
        // still reachable through outboxMessageId
        task.setDescription(say("undeliverable.task.intro", say("undeliverable.kind." + row.getKind().name())) + "\n"
                + failed.stream().map(this::line).collect(Collectors.joining("\n"))
                + "\n" + say("undeliverable.task.closing"));
        task.setPriority(60);
        tasks.saveTask(task);
        tasks.addCandidateGroup(taskId, RecouvraGroups.COLLECTORS);
        // Shown under the task in Tasklist, like a process task's.
        tasks.setVariablesLocal(taskId, Map.of("invoiceNumber", row.getCaseRef(),
                "customerName", customers.get(row.getCustomerId()).getLegalName(),
                "outboxMessageId", row.getId().toString()));
    }

    /** One channel of the step: which, to whom (a letter's recipient is its address, said by the cause), and why. */
    private String line(OutboxMessage row) {
        String channel = say("undeliverable.channel." + row.getChannel().name());
        return row.getRecipient() == null || row.getChannel() == Channel.LETTER
                ? say("undeliverable.task.channel", channel, cause(row))
                : say("undeliverable.task.channelTo", channel, row.getRecipient(), cause(row));
    }

    /**
     * What went wrong on one channel, from the failure its row recorded, in words a collector can act on, in the team's
     * language; what the provider or the template said stays in its own words.
     */
    String cause(OutboxMessage row) {
        String error = row.getLastError() == null ? "" : row.getLastError();
        Matcher gaveUp = GAVE_UP.matcher(error);
        if (gaveUp.matches()) {
            return say(UndeliveredCause.GAVE_UP, gaveUp.group(1), gaveUp.group(2));
        }
        Matcher report = TWILIO_REPORT.matcher(error);
        if (report.find()) {
            return twilio(report.group(1), say(UndeliveredCause.TWILIO_REPORTED_AFTER_SENDING));
        }
        Matcher coded = CODED.matcher(error);
        if (!coded.matches()) {
            return row.getStatus() == OutboxStatus.UNDELIVERED && error.isEmpty()
                    ? say(UndeliveredCause.UNDELIVERED_UNEXPLAINED) : error;
        }
        String code = coded.group(1);
        String reason = coded.group(2);
        if (code.chars().allMatch(Character::isDigit)) {
            return twilio(code, reason);
        }
        return switch (code) {
            case NO_TEMPLATE -> say(UndeliveredCause.NO_TEMPLATE, reason);
            case "COMPOSE_FAILED" -> say(UndeliveredCause.COMPOSE_FAILED, reason);
            case "NO_RECIPIENT" -> say(switch (row.getChannel()) {
                case EMAIL -> UndeliveredCause.NO_RECIPIENT_EMAIL;
                case SMS -> UndeliveredCause.NO_RECIPIENT_SMS;
                case LETTER -> UndeliveredCause.NO_RECIPIENT_LETTER;
            });
            case "OPTED_OUT" -> say(UndeliveredCause.OPTED_OUT, reason);
            case "RECIPIENT_REFUSED" -> say(UndeliveredCause.RECIPIENT_REFUSED, reason);
            case "INVALID_MESSAGE" -> say(UndeliveredCause.INVALID_MESSAGE, reason);
            case "UNDELIVERED" -> say(UndeliveredCause.UNDELIVERED, reason);
            default -> code.startsWith("HTTP_")
                    ? say(UndeliveredCause.POSTAL_SERVICE_REFUSED, code.substring(5), reason)
                    : say(UndeliveredCause.OTHER, code.toLowerCase(Locale.ROOT).replace('_', ' '), reason);
        };
    }

    private String twilio(String code, String reason) {
        String meaning = UndeliveredCause.twilio(code).map(this::say).orElseGet(() -> say(UndeliveredCause.TWILIO_OTHER_ERROR, code));
        return say(UndeliveredCause.TWILIO_REFUSED, code, meaning, reason);
    }

    private String say(UndeliveredCause cause, String... arguments) {
        return say(cause.key(), (Object[]) arguments);
    }

    /** Arguments are strings, so that MessageFormat writes them as they are (no "1,234" for a code or a count). */
    private String say(String key, Object... arguments) {
        return texts.getMessage(key, arguments, language.locale());
    }
}

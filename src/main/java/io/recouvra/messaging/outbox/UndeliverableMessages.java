package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.composition.MissingTemplateException;
import io.recouvra.receivables.CustomerService;
import io.recouvra.security.RecouvraGroups;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A step of a case (a reminder level, the formal notice) that reaches the debtor on none of its channels
 * must not fail quietly: the collectors get one task in Tasklist to reach the debtor another way, saying
 * for each channel what really went wrong — a missing template is the administrator's business, an
 * opt-out is the debtor's choice, a refused number needs correcting. A step that reached the debtor on
 * one channel (the email went, the SMS did not) needs no one: no task.
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

    /** Twilio's error codes a collector meets (twilio.com/docs/api/errors), in words she can act on. */
    private static final Map<String, String> TWILIO_ERRORS = Map.ofEntries(
            Map.entry("21211", "invalid phone number: correct the mobile number"),
            Map.entry("21408", "sending to this country is not enabled on the Twilio account: tell the administrator"),
            Map.entry("21610", "the number replied STOP: it has opted out of SMS"),
            Map.entry("21612", "Twilio cannot route a message to this number: check the number"),
            Map.entry("21614", "not a mobile number: enter a mobile number"),
            Map.entry("30003", "the phone was unreachable (switched off or out of coverage)"),
            Map.entry("30005", "unknown or inactive number: correct the mobile number"),
            Map.entry("30006", "a landline, or a carrier that cannot receive SMS: enter a mobile number"),
            Map.entry("30007", "filtered by the carrier as unwanted"),
            Map.entry("30008", "unknown error at the carrier"));

    private final TaskService tasks;
    private final CustomerService customers;
    private final OutboxMessageRepository outbox;
    private final JdbcTemplate jdbc;

    UndeliverableMessages(TaskService tasks, CustomerService customers, OutboxMessageRepository outbox, JdbcTemplate jdbc) {
        this.tasks = tasks;
        this.customers = customers;
        this.outbox = outbox;
        this.jdbc = jdbc;
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
        List<OutboxMessage> failed = step.stream().filter(r -> NOT_REACHED.contains(r.getStatus())).toList();
        String taskId = "undeliverable-" + row.getId();
        if (failed.isEmpty() || tasks.createTaskQuery().taskId(taskId).count() > 0) {
            return;
        }
        Task task = tasks.newTask(taskId);
        task.setName("Message could not be delivered: " + row.getCaseRef());
        task.setDescription(row.getKind() + " (" + row.getStep() + ") reached the debtor on no channel.\n"
                + failed.stream().map(r -> "- " + r.getChannel() + (r.getRecipient() == null || r.getChannel() == Channel.LETTER
                        ? "" : " to " + r.getRecipient()) + ": " + cause(r)).collect(Collectors.joining("\n"))
                + "\nReach the debtor another way (a call), then close this task.");
        task.setPriority(60);
        tasks.saveTask(task);
        tasks.addCandidateGroup(taskId, RecouvraGroups.COLLECTORS);
        // Shown under the task in Tasklist, like a process task's.
        tasks.setVariablesLocal(taskId, Map.of("invoiceNumber", row.getCaseRef(),
                "customerName", customers.get(row.getCustomerId()).getLegalName(),
                "outboxMessageId", row.getId().toString()));
    }

    /** What went wrong on one channel, from the failure its row recorded, in words a collector can act on. */
    static String cause(OutboxMessage row) {
        String error = row.getLastError() == null ? "" : row.getLastError();
        Matcher gaveUp = GAVE_UP.matcher(error);
        if (gaveUp.matches()) {
            return "the provider could not take it: gave up after " + gaveUp.group(1) + " attempts (last: " + gaveUp.group(2)
                    + "); a provider outage, not the debtor's contact details";
        }
        Matcher report = TWILIO_REPORT.matcher(error);
        if (report.find()) {
            return twilio(report.group(1), "reported by Twilio after sending");
        }
        Matcher coded = CODED.matcher(error);
        if (!coded.matches()) {
            return row.getStatus() == OutboxStatus.UNDELIVERED && error.isEmpty()
                    ? "the provider reported it undelivered" : error;
        }
        String code = coded.group(1);
        String reason = coded.group(2);
        if (code.chars().allMatch(Character::isDigit)) {
            return twilio(code, reason);
        }
        return switch (code) {
            case NO_TEMPLATE -> "no template writes this message (" + reason + "); a configuration fault, not the "
                    + "debtor's contact details: tell the administrator";
            case "COMPOSE_FAILED" -> "the message could not be written (" + reason + "): tell the administrator";
            case "NO_RECIPIENT" -> switch (row.getChannel()) {
                case EMAIL -> "no contact of the customer has an email address with email consent: add one";
                case SMS -> "no contact of the customer has a mobile number with SMS consent: add one";
                case LETTER -> "the customer has no complete postal address (street, postal code, city): complete it";
            };
            case "OPTED_OUT" -> "opted out: " + reason + "; do not use this channel unless the debtor opts back in";
            case "RECIPIENT_REFUSED" -> "the mail server refused the address (" + reason + "): correct the email address";
            case "INVALID_MESSAGE" -> "the email could not be built (" + reason + "): tell the administrator";
            case "UNDELIVERED" -> "the provider reported it undelivered (" + reason + ")";
            default -> code.startsWith("HTTP_")
                    ? "the postal service refused it (HTTP " + code.substring(5) + ": " + reason + ")"
                    : code.toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + reason;
        };
    }

    private static String twilio(String code, String reason) {
        return "Twilio refused it with error " + code + " (" + TWILIO_ERRORS.getOrDefault(code, "see twilio.com/docs/api/errors/" + code)
                + "; " + reason + ")";
    }
}

package io.recouvra.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.contact.OptOuts;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The collectors' "could not be delivered" task: one per step that reached the debtor on no channel,
 * saying each channel's real cause; none when another channel of the step reached the debtor.
 */
@RecouvraTest
class UndeliverableMessagesTest {

    private static final AtomicInteger PHONES = new AtomicInteger(400_000);

    @Autowired
    Messages messages;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    DeliveryReports reports;
    @Autowired
    OptOuts optOuts;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    TaskService tasks;
    @Autowired
    Clock clock;

    /** A Wednesday, 10:00 in Paris: within contact hours. */
    @BeforeEach
    void duringContactHours() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anSmsRefusedWhileTheEmailOfTheSameStepWentMakesNoTask() {
        Debtor debtor = debtor();
        ask(debtor, MessageKind.REMINDER_2, Channel.EMAIL);
        ask(debtor, MessageKind.REMINDER_2, Channel.SMS);
        drain();
        OutboxMessage sms = row(debtor, Channel.SMS);
        assertThat(row(debtor, Channel.EMAIL).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sms.getStatus()).isEqualTo(OutboxStatus.SENT);

        // the carrier reports the number unknown: the SMS failed for good, but the email reached the debtor
        assertThat(reports.smsReported(sms.getProviderId(), "undelivered", "30005")).isTrue();

        assertThat(row(debtor, Channel.SMS).getStatus()).isEqualTo(OutboxStatus.UNDELIVERED);
        assertThat(tasksOf(debtor)).isEmpty();
    }

    @Test
    void aLetterWithoutAnAddressWhileTheEmailOfTheSameStepWentMakesNoTask() {
        Debtor debtor = debtor(false);
        ask(debtor, MessageKind.REMINDER_3, Channel.EMAIL);
        ask(debtor, MessageKind.REMINDER_3, Channel.LETTER);

        drain();

        assertThat(row(debtor, Channel.EMAIL).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(row(debtor, Channel.LETTER).getLastError()).startsWith("NO_RECIPIENT");
        assertThat(tasksOf(debtor)).isEmpty();
    }

    @Test
    void aStepThatReachedTheDebtorOnNoChannelMakesOneTaskSayingEachChannelsCause() {
        Debtor debtor = debtor();
        optOuts.optOut(Channel.EMAIL, debtor.email, "test");
        // the first reminder has no letter: a table sending it by letter is a configuration fault
        ask(debtor, MessageKind.REMINDER_1, Channel.EMAIL);
        ask(debtor, MessageKind.REMINDER_1, Channel.SMS);
        ask(debtor, MessageKind.REMINDER_1, Channel.LETTER);
        drain();
        assertThat(row(debtor, Channel.EMAIL).getLastError()).startsWith("OPTED_OUT");
        assertThat(row(debtor, Channel.LETTER).getLastError()).startsWith("NO_TEMPLATE");
        assertThat(tasksOf(debtor)).as("the SMS went out: nobody needs to act yet").isEmpty();

        reports.smsReported(row(debtor, Channel.SMS).getProviderId(), "failed", "30005");

        List<Task> raised = tasksOf(debtor);
        assertThat(raised).hasSize(1);
        Task task = raised.get(0);
        assertThat(task.getName()).isEqualTo("Message could not be delivered: " + debtor.invoiceNumber);
        assertThat(task.getDescription())
                .startsWith("REMINDER_1 (reminder-1) reached the debtor on no channel.")
                .contains("- EMAIL: opted out: " + debtor.email
                        + " asked not to be contacted by EMAIL; do not use this channel unless the debtor opts back in")
                .contains("- SMS to " + debtor.phone + ": Twilio refused it with error 30005 (unknown or inactive number: "
                        + "correct the mobile number; reported by Twilio after sending)")
                .contains("- LETTER: no template writes this message (REMINDER_1 has no letter template "
                        + "(templates/messages/reminder-1/letter.fr.html)); a configuration fault, not the debtor's contact "
                        + "details: tell the administrator")
                .doesNotContain("correct its contact details");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).contains("collectors");
    }

    @Test
    void aDebtorWithoutAnyContactForTheChannelIsToldApartFromAProviderRefusal() {
        Debtor debtor = debtor();
        ask(debtor, MessageKind.PRE_DUE_REMINDER, Channel.LETTER);
        OutboxMessage letter = row(debtor, Channel.LETTER);
        letter.failed("NO_RECIPIENT: no contact of the customer accepts LETTER");
        assertThat(UndeliverableMessages.cause(letter))
                .isEqualTo("the customer has no complete postal address (street, postal code, city): complete it");
        letter.failed("RECIPIENT_REFUSED: 550 5.1.1 <compta@durand.example>: Recipient address rejected: User unknown");
        assertThat(UndeliverableMessages.cause(letter)).isEqualTo("the mail server refused the address (550 5.1.1 "
                + "<compta@durand.example>: Recipient address rejected: User unknown): correct the email address");
        letter.failed("21211: The 'To' number +3361234 is not a valid phone number.");
        assertThat(UndeliverableMessages.cause(letter)).isEqualTo("Twilio refused it with error 21211 (invalid phone number: "
                + "correct the mobile number; The 'To' number +3361234 is not a valid phone number.)");
        letter.failed("gave up after 6 attempts: SMTP server unreachable: Connection refused");
        assertThat(UndeliverableMessages.cause(letter)).isEqualTo("the provider could not take it: gave up after 6 attempts (last: "
                + "SMTP server unreachable: Connection refused); a provider outage, not the debtor's contact details");
    }

    private record Debtor(UUID customerId, UUID invoiceId, String invoiceNumber, String email, String phone) {
    }

    private Debtor debtor() {
        return debtor(true);
    }

    private Debtor debtor(boolean withAddress) {
        String number = TestData.invoiceNumber();
        String email = "compta@" + number.toLowerCase(Locale.ROOT) + ".example";
        String phone = "+336" + String.format("%08d", PHONES.incrementAndGet());
        UUID customerId = customers.register(new NewCustomer("Menuiseries Durand " + number, TestData.siren(), "FR", "fr",
                "Europe/Paris", withAddress ? "8 quai des Chartrons" : null, withAddress ? "33000" : null,
                withAddress ? "Bordeaux" : null, List.of(new NewCustomer.NewContact("M. Durand",
                        null, email, phone, true, true, false)))).getId();
        LocalDate due = LocalDate.now(clock).minusDays(30);
        UUID invoiceId = invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due,
                new BigDecimal("1234.56"), "EUR")).getId();
        return new Debtor(customerId, invoiceId, number, email, phone);
    }

    private void ask(Debtor debtor, MessageKind kind, Channel channel) {
        String step = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        messages.enqueue(debtor.invoiceNumber, step, channel, kind, Tone.FIRM, debtor.customerId, debtor.invoiceId,
                clock.instant());
    }

    private OutboxMessage row(Debtor debtor, Channel channel) {
        return outbox.findAll().stream().filter(r -> r.getCaseRef().equals(debtor.invoiceNumber) && r.getChannel() == channel)
                .findFirst().orElseThrow();
    }

    private List<Task> tasksOf(Debtor debtor) {
        return tasks.createTaskQuery().taskNameLike("Message could not be delivered: " + debtor.invoiceNumber).list();
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }
}

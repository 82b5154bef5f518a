package io.recouvra.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.engine.TeamLanguage;
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
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The collectors' "could not be delivered" task: one per step that reached the debtor on no channel,
 * saying each channel's real cause, in the team's language; none when another channel of the step reached the debtor.
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
    @Autowired
    UndeliverableMessages undeliverable;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageSource texts;

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
    void aStepThatReachedTheDebtorOnNoChannelMakesOneTaskSayingEachChannelsCauseInFrench() {
        Debtor debtor = debtor();
        reachedOnNoChannel(debtor);

        List<Task> raised = tasksOf(debtor);
        assertThat(raised).hasSize(1);
        Task task = raised.get(0);
        assertThat(task.getName()).isEqualTo("Message non remis : " + debtor.invoiceNumber);
        // the opt-out and the missing template are said in the words the row recorded them
        assertThat(task.getDescription()).isEqualTo("""
                Le message « Relance 1 » n'a atteint le débiteur sur aucun canal.
                - e-mail : désinscrit : %1$s asked not to be contacted by EMAIL ; n'utilisez plus ce canal sauf si le \
                débiteur s'y réinscrit
                - SMS à %2$s : Twilio l'a refusé avec l'erreur 30005 (numéro inconnu ou inactif : corrigez le numéro de \
                mobile ; signalé par Twilio après l'envoi)
                - courrier : aucun modèle n'écrit ce message (REMINDER_1 has no letter template \
                (templates/messages/reminder-1/letter.fr.html)) ; une erreur de configuration, pas les coordonnées du \
                débiteur : prévenez l'administrateur
                Joignez le débiteur autrement (un appel), puis fermez cette tâche.""".formatted(debtor.email, debtor.phone));
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).contains("collectors");
    }

    @Test
    void anEnglishTeamReadsTheSameTaskInEnglish() {
        Debtor debtor = debtor();
        reachedOnNoChannel(debtor);
        // the French team's task made, the English team's is made for the same failure (the text is all the code's)
        tasksOf(debtor).forEach(task -> tasks.deleteTask(task.getId(), true));

        english().raise(row(debtor, Channel.SMS));

        Task task = tasks.createTaskQuery().taskId("undeliverable-" + row(debtor, Channel.SMS).getId()).singleResult();
        assertThat(task.getName()).isEqualTo("Message could not be delivered: " + debtor.invoiceNumber);
        assertThat(task.getDescription()).isEqualTo("""
                The message "Reminder 1" reached the debtor on no channel.
                - email: opted out: %1$s asked not to be contacted by EMAIL; do not use this channel unless the debtor \
                opts back in
                - SMS to %2$s: Twilio refused it with error 30005 (unknown or inactive number: correct the mobile number; \
                reported by Twilio after sending)
                - letter: no template writes this message (REMINDER_1 has no letter template \
                (templates/messages/reminder-1/letter.fr.html)); a configuration fault, not the debtor's contact details: \
                tell the administrator
                Reach the debtor another way (a call), then close this task.""".formatted(debtor.email, debtor.phone));
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).contains("collectors");
        tasks.deleteTask(task.getId(), true);
    }

    @Test
    void aDebtorWithoutAnyContactForTheChannelIsToldApartFromAProviderRefusal() {
        Debtor debtor = debtor();
        ask(debtor, MessageKind.PRE_DUE_REMINDER, Channel.LETTER);
        OutboxMessage letter = row(debtor, Channel.LETTER);
        UndeliverableMessages english = english();
        letter.failed("NO_RECIPIENT: no contact of the customer accepts LETTER");
        assertThat(undeliverable.cause(letter))
                .isEqualTo("le client n'a pas d'adresse postale complète (rue, code postal, ville) : complétez-la");
        assertThat(english.cause(letter))
                .isEqualTo("the customer has no complete postal address (street, postal code, city): complete it");
        letter.failed("RECIPIENT_REFUSED: 550 5.1.1 <compta@durand.example>: Recipient address rejected: User unknown");
        assertThat(undeliverable.cause(letter)).isEqualTo("le serveur de messagerie a refusé l'adresse (550 5.1.1 "
                + "<compta@durand.example>: Recipient address rejected: User unknown) : corrigez l'adresse e-mail");
        assertThat(english.cause(letter)).isEqualTo("the mail server refused the address (550 5.1.1 "
                + "<compta@durand.example>: Recipient address rejected: User unknown): correct the email address");
        // Twilio's words keep their apostrophes and braces: they are an argument, not part of the pattern
        letter.failed("21211: The 'To' number +3361234 {x} is not a valid phone number.");
        assertThat(undeliverable.cause(letter)).isEqualTo("Twilio l'a refusé avec l'erreur 21211 (numéro de téléphone invalide : "
                + "corrigez le numéro de mobile ; The 'To' number +3361234 {x} is not a valid phone number.)");
        assertThat(english.cause(letter)).isEqualTo("Twilio refused it with error 21211 (invalid phone number: "
                + "correct the mobile number; The 'To' number +3361234 {x} is not a valid phone number.)");
        letter.failed("21999: Something new");
        assertThat(undeliverable.cause(letter)).isEqualTo("Twilio l'a refusé avec l'erreur 21999 (voir "
                + "twilio.com/docs/api/errors/21999 ; Something new)");
        assertThat(english.cause(letter)).isEqualTo("Twilio refused it with error 21999 (see "
                + "twilio.com/docs/api/errors/21999; Something new)");
        letter.failed("gave up after 6 attempts: SMTP server unreachable: Connection refused");
        assertThat(undeliverable.cause(letter)).isEqualTo("le prestataire n'a pas pu le prendre en charge : abandon après "
                + "6 tentatives (dernière erreur : SMTP server unreachable: Connection refused) ; une panne du prestataire, "
                + "pas les coordonnées du débiteur");
        assertThat(english.cause(letter)).isEqualTo("the provider could not take it: gave up after 6 attempts (last: "
                + "SMTP server unreachable: Connection refused); a provider outage, not the debtor's contact details");
        letter.failed("HTTP_422: adresse incomplète");
        assertThat(undeliverable.cause(letter)).isEqualTo("le service postal l'a refusé (HTTP 422 : adresse incomplète)");
        assertThat(english.cause(letter)).isEqualTo("the postal service refused it (HTTP 422: adresse incomplète)");
        letter.failed("QUOTA_EXCEEDED: 1000 a day");
        assertThat(undeliverable.cause(letter)).isEqualTo("quota exceeded : 1000 a day");
        assertThat(english.cause(letter)).isEqualTo("quota exceeded: 1000 a day");
    }

    /**
     * The first reminder asked by email, SMS and letter, none of which reaches the debtor: the email address opted out,
     * the letter has no template (a table sending it by letter is a configuration fault), the SMS is reported failed.
     */
    private void reachedOnNoChannel(Debtor debtor) {
        optOuts.optOut(Channel.EMAIL, debtor.email, "test");
        ask(debtor, MessageKind.REMINDER_1, Channel.EMAIL);
        ask(debtor, MessageKind.REMINDER_1, Channel.SMS);
        ask(debtor, MessageKind.REMINDER_1, Channel.LETTER);
        drain();
        assertThat(row(debtor, Channel.EMAIL).getLastError()).startsWith("OPTED_OUT");
        assertThat(row(debtor, Channel.LETTER).getLastError()).startsWith("NO_TEMPLATE");
        assertThat(tasksOf(debtor)).as("the SMS went out: nobody needs to act yet").isEmpty();

        reports.smsReported(row(debtor, Channel.SMS).getProviderId(), "failed", "30005");
    }

    /** The task's maker for an English team, on this context's engine and database. */
    private UndeliverableMessages english() {
        return new UndeliverableMessages(tasks, customers, outbox, jdbc, texts, new TeamLanguage("en"));
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
        return tasks.createTaskQuery().taskNameLike("Message non remis : " + debtor.invoiceNumber).list();
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }
}

package io.recouvra.messaging.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.messaging.outbox.OutboxMessage;
import io.recouvra.messaging.outbox.OutboxMessageRepository;
import io.recouvra.messaging.outbox.OutboxStatus;
import io.recouvra.receivables.CreditNoteService;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCreditNote;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/** The contact policy at send time, through the real dispatcher and the sandbox channels. */
@RecouvraTest
class ContactPolicyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Messages messages;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditNoteService creditNotes;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    InteractionLog interactions;
    @Autowired
    ContactPolicy policy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMessageDueAt21InTheEveningGoesOutAt8TheNextWeekday() {
        at(2026, 11, 24, 21, 0); // a Tuesday
        Debtor debtor = newDebtor("Europe/Paris");
        String invoice = newInvoice(debtor);
        remind(debtor, invoice, "reminder-1");

        drain();
        OutboxMessage waiting = only(debtor);
        assertThat(waiting.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.getNextAttemptAt()).isEqualTo(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, PARIS).toInstant());
        assertThat(waiting.getAttempts()).as("waiting is not an attempt").isZero();

        at(2026, 11, 25, 8, 0);
        drain();
        assertThat(only(debtor).getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void noMessageOnWeekendsOrFrenchPublicHolidaysAndHoursAreTheDebtors() {
        at(2026, 11, 28, 10, 0); // a Saturday
        assertThat(policy.nextContactTime(clock.instant(), PARIS, "FR"))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, PARIS).toInstant());
        at(2026, 12, 25, 10, 0); // Christmas, a Friday
        assertThat(policy.nextContactTime(clock.instant(), PARIS, "FR"))
                .isEqualTo(ZonedDateTime.of(2026, 12, 28, 8, 0, 0, 0, PARIS).toInstant());
        at(2027, 3, 29, 10, 0); // Easter Monday 2027
        assertThat(policy.nextContactTime(clock.instant(), PARIS, "FR"))
                .isEqualTo(ZonedDateTime.of(2027, 3, 30, 8, 0, 0, 0, PARIS).toInstant());
        // 10:00 in Paris is 04:00 in Martinique: that debtor is reached at 08:00 its time
        ZoneId martinique = ZoneId.of("America/Martinique");
        at(2026, 11, 25, 10, 0);
        assertThat(policy.nextContactTime(clock.instant(), martinique, "FR"))
                .isEqualTo(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, martinique).toInstant());
    }

    @Test
    void aSecondReminderTheSameDayToTheSameCustomerIsHeldBack() {
        at(2026, 11, 25, 10, 0);
        Debtor debtor = newDebtor("Europe/Paris");
        String first = newInvoice(debtor);
        remind(debtor, first, "reminder-1");
        drain();
        Instant firstSent = only(debtor).getSentAt();

        at(2026, 11, 25, 15, 0);
        String second = newInvoice(debtor);
        remind(debtor, second, "reminder-1");
        drain();

        OutboxMessage heldBack = row(debtor, second);
        assertThat(heldBack.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(heldBack.getNextAttemptAt()).isEqualTo(firstSent.plus(Duration.ofHours(24)));
        assertThat(heldBack.getLastError()).contains("reminder cap");
    }

    @Test
    void twoInvoicesOfOneCustomerDueTogetherMakeOneGroupedMessage() {
        at(2026, 11, 25, 10, 0);
        Debtor debtor = newDebtor("Europe/Paris");
        String first = newInvoice(debtor);
        String second = newInvoice(debtor);
        remind(debtor, first, "reminder-1");
        remind(debtor, second, "reminder-1");

        drain();

        OutboxMessage a = row(debtor, first);
        OutboxMessage b = row(debtor, second);
        assertThat(a.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(b.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(a.getProviderId()).as("one message").isEqualTo(b.getProviderId());
        Interaction onFirst = interactions.ofInvoice(invoices.get(first).getId(), 0, 10).getContent().get(0);
        assertThat(onFirst.getContent()).contains(first).contains(second).contains("les factures suivantes");
        assertThat(interactions.ofInvoice(invoices.get(second).getId(), 0, 10).getContent()).hasSize(1);
    }

    @Test
    void noContactAboutADisputedHeldOrSettledInvoice() {
        at(2026, 11, 25, 10, 0);
        Debtor debtor = newDebtor("Europe/Paris");
        String disputed = newInvoice(debtor);
        String settled = newInvoice(debtor);
        jdbc.update("update recouvra.invoice set status = 'DISPUTED' where number = ?", disputed);
        creditNotes.register(new NewCreditNote("AV-" + settled, settled, new BigDecimal("500.00"), LocalDate.now(clock), null));
        remind(debtor, disputed, "reminder-1");
        remind(debtor, settled, "reminder-1");

        drain();

        assertThat(row(debtor, disputed).getStatus()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(row(debtor, disputed).getLastError()).isEqualTo("invoice is DISPUTED");
        assertThat(row(debtor, settled).getStatus()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(interactions.ofInvoice(invoices.get(disputed).getId(), 0, 10).getContent().get(0).getSummary())
                .contains("not sent: invoice is DISPUTED");
    }

    @Test
    void eachKindKnowsWhenItMayStillGoOut() {
        at(2026, 11, 25, 10, 0);
        Debtor debtor = newDebtor("Europe/Paris");
        String paid = newInvoice(debtor);
        String disputed = newInvoice(debtor);
        String held = newInvoice(debtor);
        creditNotes.register(new NewCreditNote("AV-" + paid, paid, new BigDecimal("500.00"), LocalDate.now(clock), null));
        jdbc.update("update recouvra.invoice set status = 'DISPUTED' where number = ?", disputed);
        jdbc.update("update recouvra.invoice set status = 'ON_HOLD' where number = ?", held);
        send(debtor, paid, "formal-notice", MessageKind.FORMAL_NOTICE);
        send(debtor, disputed, "dispute-received", MessageKind.DISPUTE_RECEIVED);
        send(debtor, held, "reminder-2", MessageKind.REMINDER_2);
        send(debtor, paid, "payment-received", MessageKind.PAYMENT_RECEIVED);

        drain();

        assertThat(row(debtor, paid, "formal-notice").getStatus()).as("no formal notice about a settled invoice")
                .isEqualTo(OutboxStatus.CANCELLED);
        assertThat(row(debtor, disputed, "dispute-received").getStatus()).as("the acknowledgement of a dispute goes out")
                .isEqualTo(OutboxStatus.SENT);
        assertThat(row(debtor, held, "reminder-2").getStatus()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(row(debtor, paid, "payment-received").getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void remindersOfDifferentKindsAreNotMergedIntoOneMessage() {
        at(2026, 11, 25, 10, 0);
        Debtor debtor = newDebtor("Europe/Paris");
        String notYetDue = newInvoice(debtor);
        String longOverdue = newInvoice(debtor);
        send(debtor, notYetDue, "pre-due", MessageKind.PRE_DUE_REMINDER);
        send(debtor, longOverdue, "reminder-3", MessageKind.REMINDER_3);

        drain();

        OutboxMessage preDue = row(debtor, notYetDue, "pre-due");
        OutboxMessage third = row(debtor, longOverdue, "reminder-3");
        assertThat(List.of(preDue.getStatus(), third.getStatus())).as("one goes, the other waits for the daily cap")
                .containsExactlyInAnyOrder(OutboxStatus.SENT, OutboxStatus.PENDING);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private record Debtor(UUID customerId) {
    }

    private void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant()));
    }

    private Debtor newDebtor(String zone) {
        return new Debtor(customers.register(new NewCustomer("Client " + TestData.invoiceNumber(), TestData.siren(), "FR",
                "fr", zone, null, null, null, List.of(new NewCustomer.NewContact("Compta", null, "compta@client.example",
                        null, true, false, false)))).getId());
    }

    private String newInvoice(Debtor debtor) {
        String number = TestData.invoiceNumber();
        LocalDate due = LocalDate.now(clock).minusDays(10);
        invoices.register(new NewInvoice(number, debtor.customerId, null, due.minusDays(30), due, new BigDecimal("500.00"), "EUR"));
        return number;
    }

    private void remind(Debtor debtor, String invoiceNumber, String step) {
        messages.enqueue(invoiceNumber, step, Channel.EMAIL, MessageKind.REMINDER_1, Tone.COURTEOUS, debtor.customerId,
                invoices.get(invoiceNumber).getId(), clock.instant());
    }

    private void send(Debtor debtor, String invoiceNumber, String step, MessageKind kind) {
        messages.enqueue(invoiceNumber, step, Channel.EMAIL, kind, Tone.COURTEOUS, debtor.customerId,
                invoices.get(invoiceNumber).getId(), clock.instant());
    }

    private OutboxMessage row(Debtor debtor, String invoiceNumber, String step) {
        return outbox.findByCustomerIdOrderByCreatedAtDesc(debtor.customerId, Pageable.unpaged()).stream()
                .filter(row -> row.getCaseRef().equals(invoiceNumber) && row.getStep().equals(step)).findFirst().orElseThrow();
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }

    private OutboxMessage only(Debtor debtor) {
        List<OutboxMessage> rows = outbox.findByCustomerIdOrderByCreatedAtDesc(debtor.customerId, Pageable.unpaged());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private OutboxMessage row(Debtor debtor, String invoiceNumber) {
        return outbox.findByCustomerIdOrderByCreatedAtDesc(debtor.customerId, Pageable.unpaged()).stream()
                .filter(row -> row.getCaseRef().equals(invoiceNumber)).findFirst().orElseThrow();
    }
}

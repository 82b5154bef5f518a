package io.recouvra.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.channel.ChannelAdapter;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.messaging.channel.SendOutcome;
import io.recouvra.messaging.composition.MessageComposer;
import io.recouvra.messaging.contact.ContactPolicy;
import io.recouvra.messaging.contact.OptOuts;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@RecouvraTest
class OutboxDispatchTest {

    @Autowired
    Messages messages;
    @Autowired
    Api api;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    InteractionLog interactions;
    @Autowired
    MessageTrail messageTrail;
    @Autowired
    MessageComposer composer;
    @Autowired
    OptOuts optOuts;
    @Autowired
    ContactPolicy policy;
    @Autowired
    Refusals refusals;
    @Autowired
    MessageMetrics metrics;
    @Autowired
    TaskService tasks;
    @Autowired
    DispatchSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    /** A Wednesday, 10:00 in Paris: within contact hours, so that only what a test changes holds a message back. */
    @BeforeEach
    void duringContactHours() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void askingTwiceForTheSameMessageStoresItOnce() {
        Case c = newCase("fr", true);

        assertThat(enqueue(c, "reminder-1", Channel.EMAIL)).isTrue();
        assertThat(enqueue(c, "reminder-1", Channel.EMAIL)).isFalse();
        assertThat(enqueue(c, "reminder-1", Channel.SMS)).as("another channel is another message").isTrue();

        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where case_ref = ?", Integer.class,
                c.invoiceNumber)).isEqualTo(2);
    }

    @Test
    void aCustomersRemindersDueTogetherAreNeverSplitAcrossBatches() {
        Case filler = newCase("fr", true);
        for (int i = 1; i < settings.batchSize(); i++) {
            enqueue(filler, "filler-" + i, Channel.EMAIL);
        }
        Case first = newCase("fr", true);
        Case second = sameCustomer(first);
        Case third = sameCustomer(first);
        for (Case c : List.of(first, second, third)) {
            enqueue(c, "reminder-1", Channel.EMAIL);
        }
        // by due time: the customer's first reminder, the fillers, then its other two (past a batch of 50)
        jdbc.update("update recouvra.outbox_message set next_attempt_at = next_attempt_at - interval '1 hour' where case_ref = ?",
                filler.invoiceNumber);
        jdbc.update("update recouvra.outbox_message set next_attempt_at = next_attempt_at - interval '2 hours' where case_ref = ?",
                first.invoiceNumber);

        dispatcher.dispatchDue();

        assertThat(jdbc.queryForList("select distinct coalesce(provider_id, status) from recouvra.outbox_message where customer_id = ?",
                String.class, first.customerId)).as("one email about the three invoices, in the first batch").hasSize(1)
                .allSatisfy(id -> assertThat(id).startsWith("sandbox-"));
    }

    private Case sameCustomer(Case c) {
        String number = TestData.invoiceNumber();
        LocalDate due = LocalDate.now(clock).minusDays(10);
        UUID invoiceId = invoices.register(new NewInvoice(number, c.customerId(), null, due.minusDays(30), due,
                new BigDecimal("99.00"), "EUR")).getId();
        return new Case(c.customerId(), invoiceId, number, c.phone());
    }

    @Test
    void theSandboxSendsAndTheAuditTrailKeepsWhatWasSentInTheCustomersLanguage() {
        Case french = newCase("fr", true);
        Case english = newCase("en", true);
        enqueue(french, "reminder-1", Channel.EMAIL);
        enqueue(english, "reminder-1", Channel.SMS);

        drain(dispatcher);

        OutboxMessage toFrench = only(french);
        assertThat(toFrench.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(toFrench.getProviderId()).startsWith("sandbox-");
        assertThat(toFrench.getRecipient()).isEqualTo("compta@" + french.invoiceNumber.toLowerCase() + ".example");
        Interaction sentInFrench = interactions.ofInvoice(french.invoiceId, 0, 10).getContent().get(0);
        assertThat(sentInFrench.getType()).isEqualTo(Interaction.Type.MESSAGE_SENT);
        assertThat(sentInFrench.getContent()).contains("Subject: Facture " + french.invoiceNumber).contains("Sauf erreur");
        assertThat(sentInFrench.getOutboxMessageId()).isEqualTo(toFrench.getId());

        Interaction sentInEnglish = interactions.ofInvoice(english.invoiceId, 0, 10).getContent().get(0);
        assertThat(sentInEnglish.getChannel()).isEqualTo(Interaction.Medium.SMS);
        assertThat(sentInEnglish.getContent()).contains("is still unpaid").contains("Reply STOP");
    }

    @Test
    void aDebtorUnreachableBySmsGetsTheSameStepByEmail() {
        Case noSms = newCase("fr", false);
        enqueue(noSms, "reminder-1", Channel.SMS);

        drain(dispatcher);

        List<OutboxMessage> rows = outbox.findByCustomerIdOrderByCreatedAtDesc(noSms.customerId, Pageable.unpaged());
        OutboxMessage sms = rows.stream().filter(r -> r.getChannel() == Channel.SMS).findFirst().orElseThrow();
        OutboxMessage email = rows.stream().filter(r -> r.getChannel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(sms.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(sms.getLastError()).startsWith("NO_RECIPIENT");
        assertThat(email.getStep()).isEqualTo("reminder-1");
        assertThat(email.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(interactions.ofInvoice(noSms.invoiceId, 0, 10).getContent()).extracting(Interaction::getType)
                .containsExactly(Interaction.Type.MESSAGE_FAILED, Interaction.Type.NOTE, Interaction.Type.MESSAGE_SENT);
    }

    @Test
    void temporaryFailuresBackOffThenGiveUpAndPermanentOnesAreNeverRetried() {
        Case c = newCase("fr", true);
        enqueue(c, "reminder-1", Channel.EMAIL);
        ScriptedAdapter failing = new ScriptedAdapter(m -> new SendOutcome.TemporaryFailure("SMTP 421 try later"));
        Dispatcher flaky = dispatcherWith(failing);

        drain(flaky);
        OutboxMessage afterFirst = only(c);
        assertThat(afterFirst.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFirst.getAttempts()).isEqualTo(1);
        assertThat(afterFirst.getNextAttemptAt()).isEqualTo(clock.instant().plus(settings.firstRetry()));

        for (int attempt = 2; attempt <= settings.maxAttempts(); attempt++) {
            ClockUtil.setCurrentTime(Date.from(only(c).getNextAttemptAt().plusSeconds(1)));
            drain(flaky);
        }
        OutboxMessage givenUp = only(c);
        assertThat(givenUp.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failing.attempts(givenUp.getId())).isEqualTo(settings.maxAttempts());
        assertThat(givenUp.getLastError()).contains("gave up after " + settings.maxAttempts() + " attempts");
        Task forCollectors = tasks.createTaskQuery().taskId("undeliverable-" + givenUp.getId()).singleResult();
        assertThat(forCollectors.getName()).isEqualTo("Message non remis : " + c.invoiceNumber);
        assertThat(forCollectors.getDescription()).contains("abandon après " + settings.maxAttempts() + " tentatives");
        assertThat(tasks.getIdentityLinksForTask(forCollectors.getId())).extracting(link -> link.getGroupId())
                .contains("collectors");
        // every attempt is on the trail, not only the last error: five retried failures, then the given-up one
        List<Interaction> trail = interactions.ofInvoice(c.invoiceId, 0, 50).getContent();
        assertThat(trail).extracting(Interaction::getType).containsOnly(Interaction.Type.MESSAGE_FAILED)
                .hasSize(settings.maxAttempts());
        for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
            Interaction failed = trail.get(attempt - 1);
            assertThat(failed.getSummary()).contains("attempt " + attempt + " of " + settings.maxAttempts())
                    .contains("SMTP 421 try later");
            assertThat(failed.getContent()).isEqualTo("Provider: SMTP 421 try later");
            assertThat(failed.getChannel()).isEqualTo(Interaction.Medium.EMAIL);
        }
        assertThat(trail).extracting(Interaction::getOccurredAt).doesNotHaveDuplicates();

        Case refused = newCase("fr", true);
        enqueue(refused, "reminder-1", Channel.EMAIL);
        ScriptedAdapter refusing = new ScriptedAdapter(m -> new SendOutcome.PermanentFailure("RECIPIENT_REFUSED", "550 no such user"));
        drain(dispatcherWith(refusing));
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(2))));
        drain(dispatcherWith(refusing));
        assertThat(only(refused).getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(refusing.attempts(only(refused).getId())).isEqualTo(1);
    }

    @Test
    void anUncertainSendIsNeverRetriedBlindlyTheProviderIsAskedFirst() {
        Case sentAfterAll = newCase("fr", true);
        Case neverArrived = newCase("fr", true);
        Case nobodyKnows = newCase("fr", true);
        for (Case c : List.of(sentAfterAll, neverArrived, nobodyKnows)) {
            enqueue(c, "reminder-1", Channel.EMAIL);
        }
        ScriptedAdapter timingOut = new ScriptedAdapter(m -> new SendOutcome.Unknown("read timed out"), m -> {
            if (m.recipient().contains(sentAfterAll.invoiceNumber.toLowerCase())) {
                return new SendOutcome.Sent("provider-had-it");
            }
            if (m.recipient().contains(neverArrived.invoiceNumber.toLowerCase())) {
                return new SendOutcome.TemporaryFailure("provider has no such message");
            }
            return new SendOutcome.Unknown("provider cannot tell");
        });
        Dispatcher dispatcher = dispatcherWith(timingOut);

        drain(dispatcher);
        for (Case c : List.of(sentAfterAll, neverArrived, nobodyKnows)) {
            assertThat(only(c).getStatus()).as("kept aside until the provider is asked").isEqualTo(OutboxStatus.SENDING);
        }
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofHours(2))));
        drain(dispatcher);
        assertThat(timingOut.attempts(only(sentAfterAll).getId())).as("no resend before reconciliation").isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(settings.reconcileAfter()).plusSeconds(1)));
        assertThat(dispatcher.reconcileAbandoned()).isGreaterThanOrEqualTo(3);

        assertThat(only(sentAfterAll).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(only(sentAfterAll).getProviderId()).isEqualTo("provider-had-it");
        assertThat(only(neverArrived).getStatus()).as("certainly not sent: may be retried").isEqualTo(OutboxStatus.PENDING);
        assertThat(only(nobodyKnows).getStatus()).as("a person decides").isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(interactions.ofInvoice(nobodyKnows.invoiceId, 0, 10).getContent()).extracting(Interaction::getType)
                .as("the uncertain attempt, then the provider's answer about it")
                .containsExactly(Interaction.Type.MESSAGE_UNCERTAIN, Interaction.Type.MESSAGE_UNCERTAIN);
        assertThat(interactions.ofInvoice(nobodyKnows.invoiceId, 0, 10).getContent().get(0).getSummary())
                .contains("attempt 1").contains("read timed out");
        assertThat(timingOut.attempts(only(sentAfterAll).getId())).isEqualTo(1);
    }

    @Test
    void aSendAbandonedByADeadDispatcherIsReconciledOnceItsLeaseIsOver() {
        // died after handing the message over: the provider is asked
        Case handedOver = newCase("fr", true);
        enqueue(handedOver, "reminder-1", Channel.EMAIL);
        jdbc.update("""
                update recouvra.outbox_message set status = 'SENDING', attempts = 1, lease_until = ?,
                    recipient = 'compta@client.example', rendered_subject = 'Facture', rendered_text = 'Bonjour'
                where case_ref = ?""", Timestamp.from(clock.instant().minusSeconds(1)), handedOver.invoiceNumber);
        // died before: certainly not sent, so it simply goes back in line
        Case notHandedOver = newCase("fr", true);
        enqueue(notHandedOver, "reminder-1", Channel.EMAIL);
        jdbc.update("update recouvra.outbox_message set status = 'SENDING', attempts = 1, lease_until = ? where case_ref = ?",
                Timestamp.from(clock.instant().minusSeconds(1)), notHandedOver.invoiceNumber);
        ScriptedAdapter knowsIt = new ScriptedAdapter(m -> new SendOutcome.TemporaryFailure("must not send"),
                m -> m.text().equals("Bonjour") ? new SendOutcome.Sent("provider-had-it") : new SendOutcome.Unknown("?"));

        assertThat(dispatcherWith(knowsIt).reconcileAbandoned()).isEqualTo(2);

        assertThat(only(handedOver).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(only(handedOver).getProviderId()).isEqualTo("provider-had-it");
        assertThat(only(notHandedOver).getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(knowsIt.attempts(only(handedOver).getId())).isZero();
    }

    @Test
    void twilioRefusingAnUnsubscribedNumberStopsAllLaterSmsToIt() {
        Case first = newCase("fr", true);
        enqueue(first, "reminder-1", Channel.SMS);
        ScriptedAdapter twilio = new ScriptedAdapter(m -> new SendOutcome.PermanentFailure("21610",
                "Attempt to send to unsubscribed recipient"));
        drain(dispatcherWith(twilio));
        OutboxMessage refused = outbox.findByCustomerIdOrderByCreatedAtDesc(first.customerId, Pageable.unpaged()).stream()
                .filter(row -> row.getChannel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(optOuts.isOptedOut(Channel.SMS, first.phone)).isTrue();

        // the same number, another step: refused before Twilio is even asked
        enqueue(first, "reminder-2", Channel.SMS);
        drain(dispatcherWith(twilio));
        OutboxMessage later = outbox.findByCustomerIdOrderByCreatedAtDesc(first.customerId, Pageable.unpaged()).stream()
                .filter(row -> row.getChannel() == Channel.SMS && row.getStep().equals("reminder-2")).findFirst().orElseThrow();
        assertThat(later.getLastError()).startsWith("OPTED_OUT");
        assertThat(twilio.attempts(later.getId())).isZero();
    }

    @Test
    void aPersonResolvesAnUncertainMessageThroughTheApi() {
        Case wentOut = newCase("fr", true);
        Case neverDid = newCase("fr", true);
        enqueue(wentOut, "reminder-1", Channel.SMS);
        enqueue(neverDid, "reminder-1", Channel.SMS);
        jdbc.update("update recouvra.outbox_message set status = 'UNKNOWN', attempts = 1 where case_ref in (?, ?)",
                wentOut.invoiceNumber, neverDid.invoiceNumber);

        var waiting = api.asAdmin().getForEntity("/api/v1/messages?status=UNKNOWN", JsonNode[].class).getBody();
        assertThat(waiting).extracting(m -> m.get("caseRef").asText()).contains(wentOut.invoiceNumber, neverDid.invoiceNumber);

        String firstId = only(wentOut).getId().toString();
        var missingId = api.asAdmin().postForEntity("/api/v1/messages/" + firstId + "/resolution", Map.of("sent", true),
                JsonNode.class);
        assertThat(missingId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingId.getBody().get("errors").get(0).get("field").asText()).isEqualTo("providerId");

        var confirmed = api.asAdmin().postForEntity("/api/v1/messages/" + firstId + "/resolution",
                Map.of("sent", true, "providerId", "SMfound"), JsonNode.class);
        assertThat(confirmed.getBody().get("status").asText()).isEqualTo("SENT");
        api.asAdmin().postForEntity("/api/v1/messages/" + only(neverDid).getId() + "/resolution", Map.of("sent", false),
                JsonNode.class);

        assertThat(only(neverDid).getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(interactions.ofInvoice(wentOut.invoiceId, 0, 10).getContent().get(0).getSummary())
                .contains("confirmed sent by admin");
    }

    @Test
    void rowsTakenOverByAnotherNodeAfterTheLeaseAreNotSentByTheFirst() {
        Case first = newCase("fr", true);
        Case second = newCase("fr", true);
        enqueue(first, "reminder-1", Channel.EMAIL);
        enqueue(second, "reminder-1", Channel.EMAIL);
        // While the first message is with the provider, another node takes over the second one's row
        // (its lease ran out): a new claim token is written on it.
        ScriptedAdapter slow = new ScriptedAdapter(m -> {
            jdbc.update("update recouvra.outbox_message set claim_token = ?, version = version + 1 where case_ref = ?",
                    UUID.randomUUID(), m.recipient().contains(first.invoiceNumber.toLowerCase()) ? second.invoiceNumber
                            : first.invoiceNumber);
            return new SendOutcome.Sent("p-" + m.id());
        });

        drain(dispatcherWith(slow));

        int sent = slow.attempts(only(first).getId()) + slow.attempts(only(second).getId());
        assertThat(sent).as("the row taken over is left to the node that holds it").isEqualTo(1);
        assertThat(List.of(only(first).getStatus(), only(second).getStatus()))
                .containsExactlyInAnyOrder(OutboxStatus.SENT, OutboxStatus.SENDING);
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachMessageOnce() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Case c = newCase("fr", true);
            enqueue(c, "reminder-1", Channel.EMAIL);
            enqueue(c, "reminder-1", Channel.SMS);
            cases.add(c);
        }
        ScriptedAdapter slowProvider = new ScriptedAdapter(m -> {
            sleep(3);
            return new SendOutcome.Sent("p-" + m.id());
        });
        Dispatcher first = dispatcherWith(slowProvider, 5);
        Dispatcher second = dispatcherWith(slowProvider, 5);

        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> drain(first));
            var b = pool.submit(() -> drain(second));
            int claimedByBoth = a.get() + b.get();
            assertThat(claimedByBoth).isGreaterThanOrEqualTo(80);
        } finally {
            pool.shutdown();
        }
        for (Case c : cases) {
            for (OutboxMessage row : outbox.findByCustomerIdOrderByCreatedAtDesc(c.customerId, Pageable.unpaged())) {
                assertThat(row.getStatus()).isEqualTo(OutboxStatus.SENT);
                assertThat(slowProvider.attempts(row.getId())).as("sends of " + row.getId()).isEqualTo(1);
            }
        }
        assertThat(slowProvider.workers()).as("both dispatchers took part").hasSize(2);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static final AtomicInteger PHONES = new AtomicInteger(200_000);

    private record Case(UUID customerId, UUID invoiceId, String invoiceNumber, String phone) {
    }

    private Case newCase(String language, boolean smsConsent) {
        String number = TestData.invoiceNumber();
        String phone = "+336" + String.format("%08d", PHONES.incrementAndGet());
        UUID customerId = customers.register(new NewCustomer("Client " + number, TestData.siren(), "FR", language,
                "Europe/Paris", null, null, null, List.of(new NewCustomer.NewContact("Compta", null,
                        "compta@" + number.toLowerCase() + ".example", phone, true, smsConsent, false)))).getId();
        LocalDate due = LocalDate.now(clock).minusDays(10);
        UUID invoiceId = invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due,
                new BigDecimal("1234.56"), "EUR")).getId();
        return new Case(customerId, invoiceId, number, phone);
    }

    private boolean enqueue(Case c, String step, Channel channel) {
        return messages.enqueue(c.invoiceNumber, step, channel, MessageKind.REMINDER_1, Tone.COURTEOUS, c.customerId,
                c.invoiceId, clock.instant());
    }

    private OutboxMessage only(Case c) {
        List<OutboxMessage> rows = outbox.findByCustomerIdOrderByCreatedAtDesc(c.customerId,
                Pageable.unpaged());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static int drain(Dispatcher dispatcher) {
        int total = 0;
        int claimed;
        while ((claimed = dispatcher.dispatchDue()) > 0) {
            total += claimed;
        }
        return total;
    }

    private Dispatcher dispatcherWith(ScriptedAdapter adapter) {
        return dispatcherWith(adapter, settings.batchSize());
    }

    @Autowired
    ApplicationEventPublisher events;

    private Dispatcher dispatcherWith(ScriptedAdapter adapter, int batchSize) {
        DispatchSettings small = new DispatchSettings(batchSize, settings.lease(), settings.maxAttempts(),
                settings.firstRetry(), settings.maxRetry(), settings.reconcileAfter());
        return new Dispatcher(jdbc, transaction, outbox, composer, messageTrail, optOuts, policy, refusals, metrics,
                List.of(adapter.on(Channel.EMAIL), adapter.on(Channel.SMS), adapter.on(Channel.LETTER)), small, clock, events);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A provider whose answers the test decides, counting every attempt per message. */
    private static final class ScriptedAdapter {

        private final Function<OutboundMessage, SendOutcome> onSend;
        private final Function<OutboundMessage, SendOutcome> onReconcile;
        private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Set<String> workers = Collections.newSetFromMap(new ConcurrentHashMap<>());

        ScriptedAdapter(Function<OutboundMessage, SendOutcome> onSend) {
            this(onSend, m -> new SendOutcome.Unknown("cannot tell"));
        }

        ScriptedAdapter(Function<OutboundMessage, SendOutcome> onSend, Function<OutboundMessage, SendOutcome> onReconcile) {
            this.onSend = onSend;
            this.onReconcile = onReconcile;
        }

        int attempts(UUID id) {
            return attempts.getOrDefault(id, new AtomicInteger()).get();
        }

        Set<String> workers() {
            return workers;
        }

        ChannelAdapter on(Channel channel) {
            return new ChannelAdapter() {
                @Override
                public Channel channel() {
                    return channel;
                }

                @Override
                public SendOutcome send(OutboundMessage message) {
                    attempts.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
                    workers.add(Thread.currentThread().getName());
                    return onSend.apply(message);
                }

                @Override
                public SendOutcome reconcile(OutboundMessage message) {
                    return onReconcile.apply(message);
                }
            };
        }
    }
}

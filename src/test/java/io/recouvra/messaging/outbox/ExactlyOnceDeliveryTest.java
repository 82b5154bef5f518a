package io.recouvra.messaging.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.MessageSent;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.channel.ChannelAdapter;
import io.recouvra.messaging.channel.FaultySmtpServer;
import io.recouvra.messaging.channel.TestChannels;
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
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending exactly once against real, failing providers: an SMTP server that takes a message and loses
 * its answer, Twilio (WireMock) that cannot tell, Twilio that hangs. Nothing is resent blindly; what
 * stays uncertain is rechecked for a day, then a person decides; one slow provider holds up no other.
 */
@RecouvraTest
class ExactlyOnceDeliveryTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    Messages messages;
    @Autowired
    Api api;
    @Autowired
    Dispatcher contextDispatcher;
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
    UncertainMessageTasks uncertainTasks;
    @Autowired
    DispatchSettings settings;
    @Autowired
    UncertainSettings uncertainSettings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    /** A Wednesday, 10:00 in Paris: within contact hours. */
    @BeforeEach
    void duringContactHours() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
    }

    /**
     * Copies of one message the server received, told by its Message-ID: messages other tests left in the
     * shared outbox fall due as the clock moves and reach the same server.
     */
    private static long copiesOf(FaultySmtpServer server, String messageId) {
        return server.contents().stream().filter(content -> content.contains("Message-ID: " + messageId)).count();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anEmailTheServerTookButWhoseAnswerWasLostIsSentOnceRecheckedForADayThenAPersonDecides() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.DROP_AFTER_CONTENT)) {
            List<ChannelAdapter> adapters = List.of(TestChannels.smtp(mailSender(server.port()), "recouvrement@recouvra.example"),
                    TestChannels.sandbox(Channel.SMS), TestChannels.sandbox(Channel.LETTER));
            Dispatcher dispatcher = dispatcher(adapters);
            UncertainRechecks rechecks = rechecks(adapters);
            Case c = newCase();
            enqueue(c, Channel.EMAIL);

            drain(dispatcher);

            OutboxMessage sent = only(c);
            String messageId = "<" + sent.getId() + "@recouvra.example>";
            assertThat(copiesOf(server, messageId)).isEqualTo(1);
            assertThat(sent.getStatus()).as("kept aside, not retried").isEqualTo(OutboxStatus.SENDING);
            assertThat(sent.getProviderId()).isEqualTo(messageId);

            ClockUtil.setCurrentTime(Date.from(clock.instant().plus(settings.reconcileAfter()).plusSeconds(1)));
            dispatcher.reconcileAbandoned();
            assertThat(only(c).getStatus()).as("SMTP cannot be asked").isEqualTo(OutboxStatus.UNKNOWN);
            Instant uncertainSince = only(c).getUncertainSince();

            // rechecked on a backoff until a day has passed; the dispatcher runs all along and resends nothing
            List<Instant> checks = new ArrayList<>();
            while (only(c).getPersonAskedAt() == null) {
                assertThat(checks).as("rechecks end after a day").hasSizeLessThan(100);
                ClockUtil.setCurrentTime(Date.from(only(c).getNextAttemptAt().plusSeconds(1)));
                checks.add(clock.instant());
                assertThat(rechecks.recheckDue(Channel.EMAIL)).isGreaterThanOrEqualTo(1);
                drain(dispatcher);
            }
            assertThat(Duration.between(uncertainSince, checks.get(checks.size() - 1)))
                    .isGreaterThanOrEqualTo(uncertainSettings.recheckFor());
            assertThat(Duration.between(uncertainSince, checks.get(checks.size() - 2))).isLessThan(uncertainSettings.recheckFor());
            assertThat(Duration.between(checks.get(1), checks.get(2))).as("the waits grow")
                    .isGreaterThan(Duration.between(checks.get(0), checks.get(1)));
            assertThat(copiesOf(server, messageId)).as("sent once, whatever happened since").isEqualTo(1);
            String askedWith = only(c).getLastError();
            ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(1))));
            rechecks.recheckDue(Channel.EMAIL);
            assertThat(only(c).getLastError()).as("a person's now: no more rechecks").isEqualTo(askedWith);

            Task task = tasks.createTaskQuery().processDefinitionKey(UncertainMessageCheckContract.PROCESS_KEY)
                    .processVariableValueEquals("outboxMessageId", sent.getId().toString()).singleResult();
            assertThat(task.getName()).isEqualTo("Vérifier un envoi incertain");
            assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                    .containsExactlyInAnyOrder("managers", "admins");
            Map<String, Object> known = tasks.getVariables(task.getId());
            assertThat(known).containsEntry("channel", "EMAIL").containsEntry("recipient", c.email())
                    .containsEntry("providerId", messageId).containsEntry("invoiceNumber", c.invoiceNumber())
                    .containsEntry("uncertainSince", "25/11/2026 10:00");
            assertThat((String) known.get("providerAnswer")).contains("cannot be asked");

            tasks.complete(task.getId(), Map.of("uncertainOutcome", "DELIVERED"));

            assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.SENT);
            assertThat(only(c).getProviderId()).isEqualTo(messageId);
            assertThat(copiesOf(server, messageId)).isEqualTo(1);
            List<Interaction> trail = interactions.ofInvoice(c.invoiceId(), 0, 50).getContent();
            assertThat(trail).extracting(Interaction::getType).containsExactly(Interaction.Type.MESSAGE_UNCERTAIN,
                    Interaction.Type.MESSAGE_UNCERTAIN, Interaction.Type.NOTE, Interaction.Type.MESSAGE_SENT);
            assertThat(trail.get(0).getSummary()).contains("attempt 1").contains(messageId);
            assertThat(trail.get(0).getContent()).contains("did not confirm");
            assertThat(trail.get(2).getSummary()).contains("a person decides");
        }
    }

    @Test
    void anUncertainSmsIsRecheckedWithTwilioUntilTwilioShowsItAndIsNeverSentTwice() throws Exception {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20503, \"message\": \"Service Unavailable\", \"status\": 503}")));
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20503, \"message\": \"Service Unavailable\", \"status\": 503}")));
        List<ChannelAdapter> adapters = List.of(twilioSms(URI.create(twilio.baseUrl()), Duration.ofSeconds(30)),
                TestChannels.sandbox(Channel.EMAIL), TestChannels.sandbox(Channel.LETTER));
        Dispatcher dispatcher = dispatcher(adapters);
        UncertainRechecks rechecks = rechecks(adapters);
        Case c = newCase();
        enqueue(c, Channel.SMS);

        drain(dispatcher);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(settings.reconcileAfter()).plusSeconds(1)));
        dispatcher.reconcileAbandoned();
        assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.UNKNOWN);

        ClockUtil.setCurrentTime(Date.from(only(c).getNextAttemptAt().plusSeconds(1)));
        rechecks.recheckDue(Channel.SMS);
        assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(only(c).getNextAttemptAt()).isEqualTo(clock.instant().plus(uncertainSettings.firstRecheck()));
        assertThat(only(c).getLastError()).contains("cannot read Twilio's messages");

        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(messageList(c.phone(), only(c).asSent().text(), "SMfound")));
        ClockUtil.setCurrentTime(Date.from(only(c).getNextAttemptAt().plusSeconds(1)));
        rechecks.recheckDue(Channel.SMS);
        drain(dispatcher);

        assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(only(c).getProviderId()).isEqualTo("SMfound");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(to(c))));
        assertThat(interactions.ofInvoice(c.invoiceId(), 0, 50).getContent()).extracting(Interaction::getSummary)
                .last().asString().contains("found at the provider on recheck");
    }

    /**
     * A send confirmed after being uncertain is announced like a plain send, once (a guarantee call's deadline runs
     * from it): by a recheck that finds it at the provider, or by a person. Its time is the confirmation, which is
     * also the row's sent_at. Rows of other tests may be announced meanwhile: only this test's are counted.
     */
    @Test
    void aSendConfirmedAfterBeingUncertainIsAnnouncedOnceAsSent() {
        List<MessageSent> announced = new CopyOnWriteArrayList<>();
        ApplicationEventPublisher capturing = event -> {
            if (event instanceof MessageSent sent) {
                announced.add(sent);
            }
            events.publishEvent(event);
        };
        List<ChannelAdapter> adapters = List.of(TestChannels.sandbox(Channel.SMS), TestChannels.sandbox(Channel.EMAIL),
                TestChannels.sandbox(Channel.LETTER));
        Dispatcher dispatcher = new Dispatcher(jdbc, transaction, outbox, composer, messageTrail, optOuts, policy, refusals,
                metrics, adapters, settings, clock, capturing);
        UncertainRechecks rechecks = new UncertainRechecks(jdbc, transaction, outbox, messageTrail, uncertainTasks, adapters,
                uncertainSettings, settings, clock, capturing);
        UncertainMessages uncertain = new UncertainMessages(outbox, messageTrail, uncertainTasks, adapters, clock, capturing);

        // the sandbox took the SMS, but its answer was lost: UNKNOWN, rechecked
        Case found = newCase();
        enqueue(found, Channel.SMS);
        drain(dispatcher);
        UUID foundId = only(found).getId();
        jdbc.update("update recouvra.outbox_message set status = 'UNKNOWN', sent_at = null, uncertain_since = ?,"
                + " next_attempt_at = ? where id = ?", Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), foundId);
        announced.removeIf(sent -> sent.messageId().equals(foundId));
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofHours(2))));
        rechecks.recheckDue(Channel.SMS);
        rechecks.recheckDue(Channel.SMS);
        drain(dispatcher);

        OutboxMessage confirmed = only(found);
        assertThat(confirmed.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(confirmed.getSentAt()).isEqualTo(clock.instant());
        assertThat(announced).filteredOn(sent -> sent.messageId().equals(foundId)).containsExactly(new MessageSent(foundId,
                found.invoiceNumber(), "reminder-1", Channel.SMS, MessageKind.REMINDER_1, confirmed.getSentAt()));

        // nobody could tell: a person checked and confirms it, with the provider's id
        Case told = newCase();
        enqueue(told, Channel.SMS);
        UUID toldId = only(told).getId();
        jdbc.update("update recouvra.outbox_message set status = 'UNKNOWN', attempts = 1, uncertain_since = ?,"
                + " person_asked_at = ? where id = ?", Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), toldId);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(3))));
        transaction.executeWithoutResult(status -> uncertain.resolve(toldId, UncertainMessages.Outcome.DELIVERED, "SMtold", "admin"));
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                status -> uncertain.resolve(toldId, UncertainMessages.Outcome.DELIVERED, "SMtold", "admin")))
                .as("decided once").isInstanceOf(InvalidInputException.class);
        drain(dispatcher);
        rechecks.recheckDue(Channel.SMS);

        assertThat(only(told).getSentAt()).isEqualTo(clock.instant());
        assertThat(announced).filteredOn(sent -> sent.messageId().equals(toldId)).containsExactly(new MessageSent(toldId,
                told.invoiceNumber(), "reminder-1", Channel.SMS, MessageKind.REMINDER_1, clock.instant()));
    }

    @Test
    void aResendIsRefusedWhileTwilioHoldsTheMessage() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
        List<ChannelAdapter> adapters = List.of(twilioSms(URI.create(twilio.baseUrl()), Duration.ofSeconds(30)),
                TestChannels.sandbox(Channel.EMAIL), TestChannels.sandbox(Channel.LETTER));
        Dispatcher dispatcher = dispatcher(adapters);
        UncertainMessages uncertain = new UncertainMessages(outbox, messageTrail, uncertainTasks, adapters, clock, events);
        Case c = newCase();
        enqueue(c, Channel.SMS);
        drain(dispatcher);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(settings.reconcileAfter()).plusSeconds(1)));
        dispatcher.reconcileAbandoned();
        UUID id = only(c).getId();
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(messageList(c.phone(), only(c).asSent().text(), "SMheld")));

        // built by hand, so not a transactional proxy: the transaction is the test's
        assertThatThrownBy(() -> transaction.executeWithoutResult(
                        status -> uncertain.resolve(id, UncertainMessages.Outcome.RESEND, null, "admin")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("holds this message")
                .hasMessageContaining("SMheld");
        assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.UNKNOWN);

        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(messageList(c.phone(), "another text", "SMother")));
        transaction.executeWithoutResult(status -> uncertain.resolve(id, UncertainMessages.Outcome.RESEND, null, "admin"));
        assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.PENDING);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(to(c))));
    }

    @Test
    void theResolutionApiAnswers409WhenTheProviderHoldsTheMessageAndClosesThePersonsTask() {
        Case c = newCase();
        enqueue(c, Channel.SMS);
        drain(contextDispatcher);
        // the (sandbox) provider has it, but its answer was lost: UNKNOWN, with a person's task
        jdbc.update("update recouvra.outbox_message set status = 'UNKNOWN', uncertain_since = ? where case_ref = ?",
                Timestamp.from(clock.instant()), c.invoiceNumber());
        transaction.executeWithoutResult(status -> uncertainTasks.raise(only(c)));
        String url = "/api/v1/messages/" + only(c).getId() + "/resolution";

        var refused = api.asAdmin().postForEntity(url, Map.of("outcome", "RESEND"), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("outcome");
        assertThat(refused.getBody().get("errors").get(0).get("reason").asText()).contains("holds this message");
        assertThat(only(c).getStatus()).isEqualTo(OutboxStatus.UNKNOWN);

        var delivered = api.asAdmin().postForEntity(url, Map.of("outcome", "DELIVERED"), JsonNode.class);
        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(delivered.getBody().get("status").asText()).isEqualTo("SENT");
        assertThat(tasks.createTaskQuery().processDefinitionKey(UncertainMessageCheckContract.PROCESS_KEY)
                .processVariableValueEquals("outboxMessageId", only(c).getId().toString()).count())
                .as("decided elsewhere: the task is gone").isZero();

        var missing = api.asAdmin().postForEntity(url, Map.of("providerId", "x"), JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").get(0).get("field").asText()).isEqualTo("outcome");

        Case givenUp = newCase();
        enqueue(givenUp, Channel.SMS);
        jdbc.update("update recouvra.outbox_message set status = 'UNKNOWN', uncertain_since = ? where case_ref = ?",
                Timestamp.from(clock.instant()), givenUp.invoiceNumber());
        var abandoned = api.asAdmin().postForEntity("/api/v1/messages/" + only(givenUp).getId() + "/resolution",
                Map.of("outcome", "GIVE_UP"), JsonNode.class);
        assertThat(abandoned.getBody().get("status").asText()).isEqualTo("FAILED");
        assertThat(interactions.ofInvoice(givenUp.invoiceId(), 0, 10).getContent()).extracting(Interaction::getSummary)
                .anySatisfy(summary -> assertThat(summary).contains("given up by admin"));
    }

    @Test
    void aHangingTwilioDoesNotHoldUpEmailNorTheScheduler() throws Exception {
        try (HangingServer hanging = new HangingServer()) {
            List<ChannelAdapter> adapters = List.of(twilioSms(URI.create("http://127.0.0.1:" + hanging.port()), Duration.ofMinutes(10)),
                    TestChannels.sandbox(Channel.EMAIL), TestChannels.sandbox(Channel.LETTER));
            Dispatcher dispatcher = dispatcher(adapters);
            ChannelWorkers workers = new ChannelWorkers(dispatcher, rechecks(adapters), new WorkerSettings(Map.of()));
            try {
                Case bySms = newCase();
                enqueue(bySms, Channel.SMS);
                Case byEmail = newCase();
                enqueue(byEmail, Channel.EMAIL);
                jdbc.update("update recouvra.outbox_message set next_attempt_at = next_attempt_at - interval '1 minute' where case_ref = ?",
                        bySms.invoiceNumber());

                workers.tick();

                assertThat(hanging.requested.await(60, TimeUnit.SECONDS)).as("the SMS reached Twilio").isTrue();
                poll(() -> only(byEmail).getStatus() == OutboxStatus.SENT);
                assertThat(only(bySms).getStatus()).as("Twilio still has not answered").isEqualTo(OutboxStatus.SENDING);
            } finally {
                hanging.close();
                workers.stop();
            }
        }
        TaskScheduler scheduler = context.getBean(TaskScheduler.class);
        assertThat(scheduler).isInstanceOf(ThreadPoolTaskScheduler.class);
        assertThat(((ThreadPoolTaskScheduler) scheduler).getScheduledThreadPoolExecutor().getCorePoolSize())
                .as("one job cannot hold back the others").isGreaterThanOrEqualTo(4);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static final AtomicInteger PHONES = new AtomicInteger(300_000);

    private record Case(UUID customerId, UUID invoiceId, String invoiceNumber, String phone, String email) {
    }

    private Case newCase() {
        String number = TestData.invoiceNumber();
        String phone = "+336" + String.format("%08d", PHONES.incrementAndGet());
        String email = "compta@" + number.toLowerCase() + ".example";
        UUID customerId = customers.register(new NewCustomer("Client " + number, TestData.siren(), "FR", "fr",
                "Europe/Paris", null, null, null, List.of(new NewCustomer.NewContact("Compta", null, email, phone, true,
                        true, false)))).getId();
        LocalDate due = LocalDate.now(clock).minusDays(10);
        UUID invoiceId = invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due,
                new BigDecimal("1234.56"), "EUR")).getId();
        return new Case(customerId, invoiceId, number, phone, email);
    }

    private void enqueue(Case c, Channel channel) {
        messages.enqueue(c.invoiceNumber(), "reminder-1", channel, MessageKind.REMINDER_1, Tone.COURTEOUS, c.customerId(),
                c.invoiceId(), clock.instant());
    }

    private OutboxMessage only(Case c) {
        List<OutboxMessage> rows = outbox.findByCustomerIdOrderByCreatedAtDesc(c.customerId(), Pageable.unpaged());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** The form-encoded To of the case's SMS: other test classes' messages may go to the same fake. */
    private static String to(Case c) {
        return "To=" + URLEncoder.encode(c.phone(), StandardCharsets.UTF_8);
    }

    private static void drain(Dispatcher dispatcher) {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    private Dispatcher dispatcher(List<ChannelAdapter> adapters) {
        return new Dispatcher(jdbc, transaction, outbox, composer, messageTrail, optOuts, policy, refusals, metrics,
                adapters, settings, clock, events);
    }

    private UncertainRechecks rechecks(List<ChannelAdapter> adapters) {
        return new UncertainRechecks(jdbc, transaction, outbox, messageTrail, uncertainTasks, adapters, uncertainSettings,
                settings, clock, events);
    }

    private ChannelAdapter twilioSms(URI baseUrl, Duration timeout) {
        return TestChannels.twilioSms(ACCOUNT, "MG00000000000000000000000000000001", baseUrl, timeout, clock);
    }

    private static ResponseDefinitionBuilder messageList(String to, String body, String sid) {
        try {
            Map<String, Object> page = Map.of("messages", List.of(Map.of("sid", sid, "body", body, "to", to)),
                    "page", 0, "page_size", 50, "first_page_uri", MESSAGES, "uri", MESSAGES, "start", 0, "end", 0);
            return aResponse().withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(page));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaMailSenderImpl mailSender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /** Polls with a generous bound: the machine's speed decides when, never whether. */
    private static void poll(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition still false after 60 s").isLessThan(until);
            Thread.sleep(50);
        }
    }

    /** A Twilio that takes the request and never answers, until the test closes it. */
    private static final class HangingServer implements AutoCloseable {

        final CountDownLatch requested = new CountDownLatch(1);
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> clients = new CopyOnWriteArrayList<>();

        HangingServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        clients.add(client);
                        InputStream in = client.getInputStream();
                        if (in.read() >= 0) {
                            requested.countDown();
                        }
                    } catch (IOException e) {
                        // closing
                    }
                }
            }, "hanging-twilio");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}

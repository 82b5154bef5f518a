package io.recouvra.messaging.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.DisputeRequested;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.contact.OptOuts;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.messaging.outbox.OutboxMessage;
import io.recouvra.messaging.outbox.OutboxMessageRepository;
import io.recouvra.messaging.outbox.OutboxStatus;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.util.LinkedMultiValueMap;

@RecouvraTest
@RecordApplicationEvents
class TwilioWebhooksTest {

    private static final AtomicInteger PHONES = new AtomicInteger(100_000);

    @Autowired
    Api api;
    @Autowired
    Messages messages;
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
    OptOuts optOuts;
    @Autowired
    SmsReplies replies;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;
    @Value("${recouvra.public-url}")
    String publicUrl;
    @Value("${recouvra.messaging.sms.twilio.auth-token}")
    String authToken;

    @Test
    void aSignedDeliveryReportUpdatesTheMessageOnceAndAnUnsignedOneChangesNothing() {
        Debtor debtor = newDebtor();
        OutboxMessage sms = sentSms(debtor, "SM" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, String> delivered = Map.of("MessageSid", sms.getProviderId(), "MessageStatus", "delivered",
                "To", debtor.phone, "AccountSid", "AC0001");

        assertThat(post("/webhooks/twilio/status", delivered, "forged-signature").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/webhooks/twilio/status", delivered, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outbox.findById(sms.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);

        assertThat(postSigned("/webhooks/twilio/status", delivered).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(postSigned("/webhooks/twilio/status", delivered).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        postSigned("/webhooks/twilio/status", Map.of("MessageSid", sms.getProviderId(), "MessageStatus", "sent"));

        assertThat(outbox.findById(sms.getId()).orElseThrow().getStatus()).as("a late 'sent' does not undo 'delivered'")
                .isEqualTo(OutboxStatus.DELIVERED);
        assertThat(trail(debtor)).filteredOn(i -> i.getType() == Interaction.Type.MESSAGE_STATUS).singleElement()
                .satisfies(i -> assertThat(i.getSummary()).contains("delivered"));
    }

    @Test
    void aReportForAGroupedSmsUpdatesEveryInvoiceItCoveredAndAFailureMovesTheStepToEmail() {
        Debtor debtor = newDebtor();
        String second = TestData.invoiceNumber();
        UUID secondId = invoices.register(new NewInvoice(second, debtor.customerId, null, LocalDate.now(clock).minusDays(40),
                LocalDate.now(clock).minusDays(10), new BigDecimal("50.00"), "EUR")).getId();
        String sid = "SMgroup" + PHONES.incrementAndGet();
        sentSms(debtor, sid);
        messages.enqueue(second, "reminder-1", Channel.SMS, MessageKind.REMINDER_1, Tone.COURTEOUS, debtor.customerId,
                secondId, clock.instant());
        jdbc.update("update recouvra.outbox_message set status = 'SENT', provider_id = ?, recipient = ? where case_ref = ?",
                sid, debtor.phone, second);

        assertThat(postSigned("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "undelivered",
                "ErrorCode", "30003")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<OutboxMessage> rows = outbox.findByCustomerIdOrderByCreatedAtDesc(debtor.customerId, Pageable.unpaged());
        assertThat(rows).filteredOn(row -> row.getChannel() == Channel.SMS).extracting(OutboxMessage::getStatus)
                .containsOnly(OutboxStatus.UNDELIVERED).hasSize(2);
        assertThat(rows).filteredOn(row -> row.getChannel() == Channel.EMAIL).as("the step moves to email")
                .extracting(OutboxMessage::getCaseRef).containsExactlyInAnyOrder(debtor.invoiceNumber, second);
    }

    @Test
    void anOldStopDeliveredAgainDoesNotUndoANewerStartAndOnlyABareKeywordOptsBackIn() {
        Debtor debtor = newDebtor();
        Map<String, String> stop = Map.of("MessageSid", "SMin" + PHONES.incrementAndGet(), "From", debtor.phone, "Body", "STOP");
        postSigned("/webhooks/twilio/inbound", stop);
        postSigned("/webhooks/twilio/inbound", Map.of("MessageSid", "SMin" + PHONES.incrementAndGet(), "From", debtor.phone,
                "Body", "Yes I paid yesterday"));
        assertThat(optOuts.isOptedOut(Channel.SMS, debtor.phone)).as("a reply is not a consent").isTrue();

        postSigned("/webhooks/twilio/inbound", Map.of("MessageSid", "SMin" + PHONES.incrementAndGet(), "From", debtor.phone,
                "Body", "start"));
        postSigned("/webhooks/twilio/inbound", stop);

        assertThat(optOuts.isOptedOut(Channel.SMS, debtor.phone)).isFalse();
    }

    @Test
    void aFailureForAnUnsubscribedNumberOptsItOut() {
        Debtor debtor = newDebtor();
        OutboxMessage sms = sentSms(debtor, "SMoptout" + PHONES.incrementAndGet());

        postSigned("/webhooks/twilio/status", Map.of("MessageSid", sms.getProviderId(), "MessageStatus", "failed",
                "ErrorCode", "21610"));

        assertThat(outbox.findById(sms.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(optOuts.isOptedOut(Channel.SMS, debtor.phone)).isTrue();
    }

    @Test
    void stopOptsTheNumberOutOfSmsOnceAndStartOptsItBackIn() {
        Debtor debtor = newDebtor();
        Map<String, String> stop = Map.of("MessageSid", "SMin" + PHONES.incrementAndGet(), "From", debtor.phone,
                "Body", "Arrêt", "To", "+33700000000");

        ResponseEntity<String> answer = postSigned("/webhooks/twilio/inbound", stop);
        postSigned("/webhooks/twilio/inbound", stop);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo("<Response/>");
        assertThat(optOuts.isOptedOut(Channel.SMS, debtor.phone)).isTrue();
        assertThat(trail(debtor)).filteredOn(i -> i.getType() == Interaction.Type.OPT_OUT).hasSize(1);

        // and no SMS goes to that number any more (on a Wednesday morning, within contact hours)
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
        messages.enqueue(debtor.invoiceNumber, "reminder-1", Channel.SMS, MessageKind.REMINDER_1, Tone.COURTEOUS,
                debtor.customerId, debtor.invoiceId, clock.instant());
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
        ClockUtil.reset();
        OutboxMessage blocked = outbox.findByCustomerIdOrderByCreatedAtDesc(debtor.customerId, Pageable.unpaged()).stream()
                .filter(row -> row.getChannel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(blocked.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(blocked.getLastError()).startsWith("OPTED_OUT");

        postSigned("/webhooks/twilio/inbound", Map.of("MessageSid", "SMin" + PHONES.incrementAndGet(), "From", debtor.phone,
                "Body", "START"));
        assertThat(optOuts.isOptedOut(Channel.SMS, debtor.phone)).isFalse();
    }

    @Test
    void aDisputeKeywordIsRecordedAndAnnouncedOnce() {
        Debtor debtor = newDebtor();
        Map<String, String> dispute = Map.of("MessageSid", "SMin" + PHONES.incrementAndGet(), "From", debtor.phone,
                "Body", "LITIGE la marchandise est arrivée abîmée");

        postSigned("/webhooks/twilio/inbound", dispute);
        postSigned("/webhooks/twilio/inbound", dispute);

        assertThat(trail(debtor)).filteredOn(i -> i.getType() == Interaction.Type.REPLY).singleElement()
                .satisfies(i -> {
                    assertThat(i.getSummary()).isEqualTo("Dispute requested by SMS");
                    assertThat(i.getContent()).contains("abîmée");
                    assertThat(i.getDirection()).isEqualTo(Interaction.Direction.INBOUND);
                });

        // the announcement, observed in this thread (recorded events are per thread; the webhook ran on the server's)
        String sid = "SMin" + PHONES.incrementAndGet();
        replies.received(sid, debtor.phone, "DISPUTE wrong quantity", null);
        replies.received(sid, debtor.phone, "DISPUTE wrong quantity", null);
        assertThat(events.stream(DisputeRequested.class).filter(e -> e.customerId().equals(debtor.customerId)))
                .singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("DISPUTE wrong quantity"));
    }

    @Test
    void keywordsAreReadAsPeopleTypeThem() {
        assertThat(SmsReplies.keyword("  arrêt, svp")).isEqualTo("ARRET");
        assertThat(SmsReplies.keyword("Stop")).isEqualTo("STOP");
        assertThat(SmsReplies.keyword("litige: facture F-1")).isEqualTo("LITIGE");
        assertThat(SmsReplies.keyword("")).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------

    private record Debtor(UUID customerId, UUID invoiceId, String invoiceNumber, String phone) {
    }

    private Debtor newDebtor() {
        String number = TestData.invoiceNumber();
        String phone = "+336" + String.format("%08d", PHONES.incrementAndGet());
        UUID customerId = customers.register(new NewCustomer("Client " + number, TestData.siren(), null, null, null, null,
                null, null, List.of(new NewCustomer.NewContact("Compta", null, null, phone, false, true, false)))).getId();
        LocalDate due = LocalDate.now(clock).minusDays(5);
        UUID invoiceId = invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due,
                new BigDecimal("99.00"), "EUR")).getId();
        return new Debtor(customerId, invoiceId, number, phone);
    }

    private OutboxMessage sentSms(Debtor debtor, String providerId) {
        messages.enqueue(debtor.invoiceNumber, "reminder-1", Channel.SMS, MessageKind.REMINDER_1, Tone.COURTEOUS,
                debtor.customerId, debtor.invoiceId, clock.instant());
        jdbc.update("update recouvra.outbox_message set status = 'SENT', provider_id = ?, recipient = ? where case_ref = ?",
                providerId, debtor.phone, debtor.invoiceNumber);
        return outbox.findByCustomerIdOrderByCreatedAtDesc(debtor.customerId, Pageable.unpaged()).get(0);
    }

    private List<Interaction> trail(Debtor debtor) {
        return interactions.ofCustomer(debtor.customerId, 0, 100).getContent();
    }

    private ResponseEntity<String> postSigned(String path, Map<String, String> params) {
        return post(path, params, signature(publicUrl + path, params));
    }

    private ResponseEntity<String> post(String path, Map<String, String> params, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            headers.set(TwilioWebhooks.SIGNATURE, signature);
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        params.forEach(form::add);
        return api.anonymous().postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    /** Twilio's documented scheme: HMAC-SHA1 over the URL followed by each parameter name and value, sorted by name. */
    private String signature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

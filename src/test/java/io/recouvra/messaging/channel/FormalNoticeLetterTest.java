package io.recouvra.messaging.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.composition.MessageComposer;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.messaging.outbox.OutboxMessage;
import io.recouvra.messaging.outbox.OutboxMessageRepository;
import io.recouvra.messaging.outbox.OutboxStatus;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The formal notice: a registered letter (PDF) and an email carrying the same letter. */
@RecouvraTest
class FormalNoticeLetterTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Map<String, String> CLAIM = Map.of("principal", "1 234,56 €", "interest", "18,42 €",
            "indemnity", "40,00 €", "totalClaim", "1 292,98 €", "paymentDeadline", "3 décembre 2026");

    @Autowired
    Messages messages;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MessageComposer composer;
    @Autowired
    SandboxLetters sandboxLetters;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    OutboxMessageRepository outbox;
    @Autowired
    InteractionLog interactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    UUID customerId;
    UUID invoiceId;
    String invoiceNumber;

    @BeforeEach
    void debtorWithAnOverdueInvoice() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
        invoiceNumber = TestData.invoiceNumber();
        customerId = customers.register(new NewCustomer("Boulangeries Martin SAS", TestData.siren(), "FR", "fr", null,
                "12 rue de la République", "69002", "Lyon", List.of(new NewCustomer.NewContact("Mme Martin", "Gérante",
                        "compta@martin.example", null, true, false, false)))).getId();
        LocalDate due = LocalDate.now(clock).minusDays(45);
        invoiceId = invoices.register(new NewInvoice(invoiceNumber, customerId, null, due.minusDays(30), due,
                new BigDecimal("1234.56"), "EUR")).getId();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theRegisteredLetterIsAPdfKeptAsEvidenceAndAcknowledgedLater() throws Exception {
        messages.enqueue(invoiceNumber, "formal-notice", Channel.LETTER, MessageKind.FORMAL_NOTICE, Tone.FORMAL,
                customerId, invoiceId, clock.instant(), CLAIM);

        while (dispatcher.dispatchDue() > 0) {
            // drain
        }

        OutboxMessage letter = outbox.findByCustomerIdOrderByCreatedAtDesc(customerId, Pageable.unpaged()).get(0);
        assertThat(letter.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(letter.getRecipient()).isEqualTo("Boulangeries Martin SAS\n12 rue de la République\n69002 Lyon\nFR");
        byte[] pdf = Files.readAllBytes(sandboxLetters.folder().resolve(letter.getProviderId() + ".pdf"));
        String text = text(pdf);
        assertThat(text).contains("Mise en demeure").contains(invoiceNumber).contains("1 234,56 €").contains("18,42 €")
                .contains("40,00 €").contains("1 292,98 €").contains("3 décembre 2026").contains("Boulangeries Martin SAS");
        byte[] kept = jdbc.queryForObject("select content from recouvra.letter_document where outbox_message_id = ?",
                byte[].class, letter.getId());
        assertThat(kept).isEqualTo(pdf);

        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(3))));
        // at least this one: letters other tests of the shared context sent may be due as well
        assertThat(sandboxLetters.acknowledgeDue()).isGreaterThanOrEqualTo(1);
        assertThat(outbox.findById(letter.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(interactions.ofInvoice(invoiceId, 0, 10).getContent()).extracting(Interaction::getSummary)
                .anySatisfy(summary -> assertThat(summary).contains("acknowledgement of receipt signed"));
    }

    @Test
    void theFormalNoticeEmailArrivesWithTheLetterAttached() throws Exception {
        messages.enqueue(invoiceNumber, "formal-notice", Channel.EMAIL, MessageKind.FORMAL_NOTICE, Tone.FORMAL,
                customerId, invoiceId, clock.instant(), CLAIM);
        OutboxMessage row = outbox.findByCustomerIdOrderByCreatedAtDesc(customerId, Pageable.unpaged()).get(0);
        OutboundMessage email = composer.compose(OutboxMessage.toCompose(List.of(row))).orElseThrow();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());

        assertThat(new SmtpEmailChannel(sender, "recouvrement@recouvra.example").send(email))
                .isInstanceOf(SendOutcome.Sent.class);

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("compta@martin.example");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        BodyPart attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("application/pdf")) {
                attachment = parts.getBodyPart(i);
            }
        }
        assertThat(attachment).as("the PDF letter is attached").isNotNull();
        assertThat(attachment.getFileName()).endsWith(".pdf");
        assertThat(text(attachment.getInputStream().readAllBytes())).contains("Mise en demeure").contains("1 292,98 €");
    }

    @Test
    void theLetterAndTheEmailNameTheCreditorCompanyItsRepresentativeAndTheSignatory() throws Exception {
        messages.enqueue(invoiceNumber, "formal-notice", Channel.EMAIL, MessageKind.FORMAL_NOTICE, Tone.FORMAL,
                customerId, invoiceId, clock.instant(), CLAIM);
        OutboxMessage row = outbox.findByCustomerIdOrderByCreatedAtDesc(customerId, Pageable.unpaged()).get(0);
        OutboundMessage email = composer.compose(OutboxMessage.toCompose(List.of(row))).orElseThrow();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        assertThat(new SmtpEmailChannel(sender, "recouvrement@recouvra.example").send(email)).isInstanceOf(SendOutcome.Sent.class);

        StringBuilder body = new StringBuilder();
        StringBuilder letterText = new StringBuilder();
        walk((MimeMultipart) smtp.getReceivedMessages()[0].getContent(), body, letterText);
        String letter = letterText.toString().replaceAll("\\s+", " ");
        // the demo identity of application.yaml (recouvra.creditor.*)
        // (the PDF's text comes out span by span, not always in reading order: each piece is checked)
        assertThat(letter).contains("SAS au capital de 10 000 € (DÉMO)", "SIREN", "123 456 782",
                "Siège social : 1 place de la Bourse, 75002 Paris (DÉMO)", "Représentée par Camille Durand, présidente (DÉMO)",
                "Claire Dubois (DÉMO)", "Responsable du recouvrement");
        assertThat(body.toString()).contains("Claire Dubois (DÉMO)", "Responsable du recouvrement", "SIREN 123 456 782",
                "1 place de la Bourse, 75002 Paris (DÉMO)", "Camille Durand, présidente (DÉMO)");
    }

    /** The text parts (decoded) into {@code body}, the PDF letter's text into {@code letter}. */
    private static void walk(MimeMultipart parts, StringBuilder body, StringBuilder letter) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                walk(nested, body, letter);
            } else if (part.getContentType().startsWith("application/pdf")) {
                letter.append(text(part.getInputStream().readAllBytes()));
            } else if (part.getContent() instanceof String text) {
                body.append(text);
            }
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        }
    }
}

package io.recouvra.messaging.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.recouvra.messaging.Channel;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The production email adapter against a real SMTP server (GreenMail). */
class SmtpEmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final UUID ID = UUID.fromString("6f1c2a4e-0b7d-4c1e-9a53-2d8e7f90ab12");

    @Test
    void sendsOneMessageWithItsHtmlAndTextParts() throws Exception {
        SmtpEmailChannel channel = new SmtpEmailChannel(sender(smtp.getSmtp().getPort()), "recouvrement@recouvra.example");

        SendOutcome outcome = channel.send(new OutboundMessage(ID, Channel.EMAIL, "compta@martin.example",
                "Facture F-1 : rappel de paiement", "Bonjour,\nla facture F-1 reste due.",
                "<p>Bonjour,</p><p>la facture <strong>F-1</strong> reste due.</p>"));

        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Facture F-1 : rappel de paiement");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("recouvrement@recouvra.example");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("compta@martin.example");
        assertThat(mail.getMessageID()).isEqualTo(((SendOutcome.Sent) outcome).providerId())
                .as("stable: the outbox id at the sender's domain").isEqualTo("<" + ID + "@recouvra.example>");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("text/plain").contains("text/html").contains("la facture F-1 reste due");
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
    }

    /**
     * The duplicate seen against a real server: it took the whole message, then the connection broke
     * before its "250". The message may be with the server: unknown, never a retryable failure, and
     * its Message-ID is what a person looks for.
     */
    @Test
    void aConnectionLostAfterTheContentIsAnUncertainOutcomeWithTheMessageId() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.DROP_AFTER_CONTENT)) {
            SmtpEmailChannel channel = new SmtpEmailChannel(sender(server.port()), "recouvrement@recouvra.example");

            SendOutcome outcome = channel.send(message());

            assertThat(outcome).isInstanceOf(SendOutcome.Unknown.class);
            assertThat(((SendOutcome.Unknown) outcome).providerId()).isEqualTo("<" + ID + "@recouvra.example>");
            assertThat(server.contentsReceived()).isEqualTo(1);
            assertThat(server.contents().get(0)).contains("Message-ID: <" + ID + "@recouvra.example>");
        }
    }

    @Test
    void failuresBeforeTheContentAreCertainAndARefusalAfterItToo() throws Exception {
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.DROP_BEFORE_DATA)) {
            assertThat(new SmtpEmailChannel(sender(server.port()), "recouvrement@recouvra.example").send(message()))
                    .as("dropped before DATA: certainly not sent").isInstanceOf(SendOutcome.TemporaryFailure.class);
        }
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.REFUSE_RECIPIENT)) {
            SendOutcome outcome = new SmtpEmailChannel(sender(server.port()), "recouvrement@recouvra.example").send(message());
            assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
            assertThat(((SendOutcome.PermanentFailure) outcome).code()).isEqualTo("RECIPIENT_REFUSED");
            // the server's own reply, which the undeliverable task shows the collector
            assertThat(((SendOutcome.PermanentFailure) outcome).reason()).contains("550 5.1.1 no such user");
            assertThat(server.contentsReceived()).isZero();
        }
        try (FaultySmtpServer server = new FaultySmtpServer(FaultySmtpServer.Fault.REFUSE_CONTENT)) {
            SendOutcome outcome = new SmtpEmailChannel(sender(server.port()), "recouvrement@recouvra.example").send(message());
            assertThat(outcome).as("the server answered: it did not take it").isInstanceOf(SendOutcome.PermanentFailure.class);
            assertThat(((SendOutcome.PermanentFailure) outcome).code()).isEqualTo("SMTP_554");
        }
    }

    private static OutboundMessage message() {
        return new OutboundMessage(ID, Channel.EMAIL, "compta@martin.example", "Facture F-1 : rappel de paiement",
                "Bonjour,\nla facture F-1 reste due.", "<p>Bonjour,</p>");
    }

    @Test
    void aServerThatCannotBeReachedIsATemporaryFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpEmailChannel channel = new SmtpEmailChannel(sender(closedPort), "recouvrement@recouvra.example");

        SendOutcome outcome = channel.send(new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, "compta@martin.example",
                "Subject", "text", "<p>html</p>"));

        assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}

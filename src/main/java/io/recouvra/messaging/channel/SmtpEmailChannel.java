package io.recouvra.messaging.channel;

import io.recouvra.messaging.Channel;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

/**
 * Email through an SMTP server: an HTML part and a text part. One attempt per call.
 *
 * <p>What decides between "not sent" and "maybe sent" is how far the SMTP dialogue got. Until the
 * server has agreed to take the message's content (its 354 answer to DATA), nothing can have been
 * delivered: a refused connection, a refused login, a refused sender or recipient are certain
 * failures. Once the content is on its way, a connection that breaks or times out before the server's
 * final answer may have left the message with the server (RFC 5321 §6.1: the server may have taken
 * responsibility for it, and the answer was lost): that outcome is unknown, never retried blindly.
 * An explicit negative answer to the end of the content is the server refusing it, again certain.
 *
 * <p>Each message carries a stable Message-ID, {@code <outbox id@sender's domain>}, returned as the
 * provider id even when the outcome is unknown, so that a person can look it up in the server's logs
 * or the recipient's mailbox.
 */
class SmtpEmailChannel implements ChannelAdapter {

    private final JavaMailSenderImpl mail;
    private final String from;

    SmtpEmailChannel(JavaMailSenderImpl mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The Message-ID an outbox message is sent with, whatever the attempt. */
    static String messageId(OutboundMessage message, String from) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + message.id() + "@" + (StringUtils.hasText(domain) ? domain : "recouvra.invalid") + ">";
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        Session session = mail.getSession();
        String messageId = messageId(message, from);
        MimeMessage mime;
        try {
            mime = compose(session, message, messageId);
        } catch (MessagingException e) {
            return new SendOutcome.PermanentFailure("INVALID_MESSAGE", e.getMessage());
        }
        PhaseTrackingTransport transport = new PhaseTrackingTransport(session, protocol());
        try {
            connect(transport);
            transport.sendMessage(mime, mime.getAllRecipients());
            return new SendOutcome.Sent(messageId);
        } catch (MessagingException e) {
            return classify(e, transport.contentStarted(), messageId);
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the outcome is decided; a failing QUIT changes nothing
            }
        }
    }

    private MimeMessage compose(Session session, OutboundMessage message, String messageId) throws MessagingException {
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        if (message.letter() != null) {
            String fileName = message.subject().replaceAll("[^\\p{L}\\p{N} _-]", "").strip() + ".pdf";
            helper.addAttachment(fileName, new ByteArrayResource(message.letter()), "application/pdf");
        }
        mime.saveChanges();
        return mime;
    }

    private String protocol() {
        String protocol = mail.getProtocol();
        return protocol == null ? "smtp" : protocol.toLowerCase(Locale.ROOT);
    }

    /** As Spring's JavaMailSenderImpl connects: an empty user name means no authentication. */
    private void connect(SMTPTransport transport) throws MessagingException {
        String username = mail.getUsername();
        String password = mail.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(mail.getHost(), mail.getPort(), username, password);
    }

    private static SendOutcome classify(MessagingException e, boolean contentStarted, String messageId) {
        if (contentStarted) {
            Integer code = replyCode(e);
            if (code != null && code >= 500 && code < 600) {
                return new SendOutcome.PermanentFailure("SMTP_" + code, "content refused: " + e.getMessage());
            }
            if (code != null && code >= 400 && code < 500) {
                return new SendOutcome.TemporaryFailure("SMTP " + code + " after the content: " + e.getMessage());
            }
            return new SendOutcome.Unknown("SMTP server did not confirm the message after its content was sent ("
                    + describe(e) + "); Message-ID " + messageId, messageId);
        }
        if (e instanceof AuthenticationFailedException) {
            return new SendOutcome.TemporaryFailure("SMTP login refused: " + e.getMessage());
        }
        if (e instanceof MailConnectException || hasCause(e, ConnectException.class)) {
            return new SendOutcome.TemporaryFailure("SMTP server unreachable: " + describe(e));
        }
        if (e instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0) {
            return new SendOutcome.PermanentFailure("RECIPIENT_REFUSED", "address refused: " + serverReply(refused));
        }
        return new SendOutcome.TemporaryFailure("SMTP failed before the content was sent: " + describe(e));
    }

    /** The server's answer, when the failure is one (a 4xx/5xx to the end of the content). */
    private static Integer replyCode(MessagingException e) {
        // a MessagingException's cause is its next exception
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 400) {
                return failed.getReturnCode();
            }
        }
        return null;
    }

    /** What the server answered (e.g. "550 5.1.1 no such user"), which Jakarta Mail keeps in a nested exception. */
    private static String serverReply(SendFailedException refused) {
        for (Exception next = refused.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getMessage().strip();
            }
        }
        return refused.getMessage();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jakarta Mail's SMTP transport, noting the moment the server has accepted DATA (or, with CHUNKING,
     * the moment the first BDAT chunk is about to leave): from then on the message may reach the server.
     */
    static final class PhaseTrackingTransport extends SMTPTransport {

        private volatile boolean contentStarted;

        PhaseTrackingTransport(Session session, String protocol) {
            super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        }

        boolean contentStarted() {
            return contentStarted;
        }

        @Override
        protected OutputStream data() throws MessagingException {
            OutputStream content = super.data();
            contentStarted = true;
            return content;
        }

        @Override
        protected OutputStream bdat() throws MessagingException {
            contentStarted = true;
            return super.bdat();
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            contentStarted = true;
            super.finishData();
        }
    }
}

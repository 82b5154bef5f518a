package io.recouvra.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email through an SMTP server (Spring Mail): an HTML part and a text part. One attempt per call.
 * Refused recipients are permanent; a connection that could not be made is temporary; a connection
 * that broke once the message was on its way may have delivered it, so that outcome is unknown.
 */
class SmtpEmailChannel implements ChannelAdapter {

    private final JavaMailSender mail;
    private final String from;

    SmtpEmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        MimeMessage mime = mail.createMimeMessage();
        try {
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
            String messageId = mime.getMessageID();
            mail.send(mime);
            return new SendOutcome.Sent(messageId);
        } catch (MessagingException e) {
            return new SendOutcome.PermanentFailure("INVALID_MESSAGE", e.getMessage());
        } catch (MailAuthenticationException e) {
            return new SendOutcome.TemporaryFailure("SMTP login refused: " + e.getMessage());
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException e) {
            return new SendOutcome.TemporaryFailure(e.getMessage());
        }
    }

    private static SendOutcome classify(MailSendException e) {
        if (isConnectFailure(e)) {
            return new SendOutcome.TemporaryFailure("SMTP server unreachable: " + e.getMessage());
        }
        for (Exception failure : e.getFailedMessages().values()) {
            if (failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return new SendOutcome.PermanentFailure("RECIPIENT_REFUSED", refused.getMessage());
            }
            if (hasCause(failure, SocketTimeoutException.class)) {
                return new SendOutcome.Unknown("SMTP timed out while sending: " + failure.getMessage());
            }
        }
        return new SendOutcome.TemporaryFailure(e.getMessage());
    }

    /** The connection (or its timeout) failed before anything was sent: JavaMail's MailConnectException. */
    private static boolean isConnectFailure(MailSendException e) {
        List<Throwable> failures = new ArrayList<>(e.getFailedMessages().values());
        failures.add(e);
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException || cause.getClass().getSimpleName().equals("MailConnectException")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}

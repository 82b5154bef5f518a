package io.recouvra.messaging.composition;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.OutboundMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The letters features wrote themselves (table {@code prepared_letter}, see {@code Messages.enqueueLetter}), as the
 * outbox sends them: to their own recipient, the PDF as handed over, its text read from the PDF for the trail.
 */
@Component
class PreparedLetters {

    private final JdbcTemplate jdbc;

    PreparedLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OutboundMessage> of(UUID messageId) {
        return jdbc.query("select recipient, subject, content from recouvra.prepared_letter where outbox_message_id = ?",
                (rs, n) -> {
                    byte[] pdf = rs.getBytes("content");
                    return new OutboundMessage(messageId, Channel.LETTER, rs.getString("recipient"), rs.getString("subject"),
                            text(pdf), null, pdf);
                }, messageId).stream().findFirst();
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("a prepared letter is not a readable PDF", e);
        }
    }
}

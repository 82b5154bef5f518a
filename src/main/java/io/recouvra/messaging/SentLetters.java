package io.recouvra.messaging;

import io.recouvra.messaging.outbox.OutboxStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The letters sent about an invoice, kept as they were sent: the evidence an agency's file or a court's bundle shows. */
@Component
public class SentLetters {

    /** A letter as sent: its message, when it went, whether its delivery was confirmed, and its PDF. */
    public record SentLetter(UUID messageId, String step, MessageKind kind, Channel channel, Instant sentAt, boolean delivered,
                             byte[] pdf) {

        public boolean isFormalNoticeByPost() {
            return kind == MessageKind.FORMAL_NOTICE && channel == Channel.LETTER;
        }
    }

    private final JdbcTemplate jdbc;

    SentLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<SentLetter> aboutInvoice(UUID invoiceId) {
        return jdbc.query("""
                select m.id, m.step, m.kind, m.channel, coalesce(m.sent_at, d.created_at) as sent_at, m.status, d.content
                from recouvra.letter_document d join recouvra.outbox_message m on m.id = d.outbox_message_id
                where m.invoice_id = ? order by d.created_at""",
                (rs, n) -> new SentLetter(rs.getObject("id", UUID.class), rs.getString("step"), MessageKind.valueOf(rs.getString("kind")),
                        Channel.valueOf(rs.getString("channel")), rs.getTimestamp("sent_at").toInstant(),
                        OutboxStatus.DELIVERED.name().equals(rs.getString("status")), rs.getBytes("content")),
                invoiceId);
    }
}

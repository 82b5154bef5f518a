package io.recouvra.messaging;

import io.recouvra.messaging.outbox.OutboxStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The letters sent to the debtor about an invoice, kept as they were sent: the evidence an agency's file or a court's bundle shows. */
@Component
public class SentLetters {

    /** A letter as sent: its message, when it went, whether its delivery was confirmed, and its PDF. */
    public record SentLetter(UUID messageId, String step, MessageKind kind, Channel channel, Instant sentAt, boolean delivered,
                             byte[] pdf) {

        public boolean isFormalNoticeByPost() {
            return kind == MessageKind.FORMAL_NOTICE && channel == Channel.LETTER;
        }
    }

    /** Enum constants, never input. */
    private static final String PREPARED_KINDS = String.join(", ", Arrays.stream(MessageKind.values())
            .filter(MessageKind::isPrepared).map(kind -> "'" + kind.name() + "'").toList());

    private final JdbcTemplate jdbc;

    SentLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The letters sent to the debtor about the invoice, oldest first. Not those a feature wrote to someone else (a
     * guarantor, a bank: {@link MessageKind#isPrepared()}): the debtor's portal, an agency's file and a court's bundle
     * show what the debtor was sent, and a guarantor's letter is not the debtor's to see.
     */
    @Transactional(readOnly = true)
    public List<SentLetter> aboutInvoice(UUID invoiceId) {
        return jdbc.query("""
                select m.id, m.step, m.kind, m.channel, coalesce(m.sent_at, d.created_at) as sent_at, m.status, d.content
                from recouvra.letter_document d join recouvra.outbox_message m on m.id = d.outbox_message_id
                where m.invoice_id = ? and m.kind not in (%s) order by d.created_at""".formatted(PREPARED_KINDS),
                (rs, n) -> new SentLetter(rs.getObject("id", UUID.class), rs.getString("step"), MessageKind.valueOf(rs.getString("kind")),
                        Channel.valueOf(rs.getString("channel")), rs.getTimestamp("sent_at").toInstant(),
                        OutboxStatus.DELIVERED.name().equals(rs.getString("status")), rs.getBytes("content")),
                invoiceId);
    }
}

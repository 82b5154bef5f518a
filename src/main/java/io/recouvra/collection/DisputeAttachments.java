package io.recouvra.collection;

import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents kept with a dispute: PDF, JPEG or PNG, recognised by their content, 5 MB at most. */
@Service
public class DisputeAttachments {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    public record Attachment(UUID id, String filename, String contentType, int sizeBytes, String uploadedBy, Instant uploadedAt) {
    }

    public record Content(String filename, String contentType, byte[] bytes) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DisputeAttachments(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Attachment add(UUID disputeId, String filename, byte[] bytes, String uploadedBy) {
        List<Boolean> open = jdbc.queryForList("select resolved_at is null from recouvra.dispute where id = ?", Boolean.class, disputeId);
        if (open.isEmpty()) {
            throw new NotFoundException("No dispute " + disputeId);
        }
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "is " + String.format("%.1f", bytes.length / 1048576.0)
                    + " MB; attachments are limited to 5 MB");
        }
        String type = typeOf(bytes);
        if (type == null) {
            throw new InvalidInputException("file", "must be a PDF, JPEG or PNG document");
        }
        if (!open.get(0)) {
            throw new ConflictException("disputeId", "dispute " + disputeId + " is decided: documents go with an open dispute");
        }
        String name = filename == null || filename.isBlank() ? "document" : filename.strip();
        Attachment attachment = new Attachment(UUID.randomUUID(), name.length() > 255 ? name.substring(0, 255) : name, type,
                bytes.length, uploadedBy, clock.instant());
        jdbc.update("""
                insert into recouvra.dispute_attachment (id, dispute_id, filename, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", attachment.id(), disputeId, attachment.filename(), type, bytes.length, bytes,
                uploadedBy, Timestamp.from(attachment.uploadedAt()));
        return attachment;
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(UUID disputeId) {
        return jdbc.query("""
                select id, filename, content_type, size_bytes, uploaded_by, uploaded_at from recouvra.dispute_attachment
                where dispute_id = ? order by uploaded_at""",
                (rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), disputeId);
    }

    @Transactional(readOnly = true)
    public Content content(UUID disputeId, UUID attachmentId) {
        return jdbc.query("select filename, content_type, content from recouvra.dispute_attachment where dispute_id = ? and id = ?",
                (rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), disputeId, attachmentId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("No attachment " + attachmentId));
    }

    /** Why a document cannot be kept (a code: file-empty, file-too-large, file-type), or null when it can. */
    static String problemWith(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return "file-empty";
        }
        if (bytes.length > MAX_BYTES) {
            return "file-too-large";
        }
        return typeOf(bytes) == null ? "file-type" : null;
    }

    /** What the bytes are, by their signature: the name and the declared type can say anything. */
    static String typeOf(byte[] bytes) {
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}

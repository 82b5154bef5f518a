package io.recouvra.writeoff;

import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.Messages;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing a debt off: the invoice leaves the receivables with its reason and approver, the VAT inside
 * the amount is kept for the accountant with what the law lets them do with it, and every party still
 * working the case hears of it through the ledger's InvoiceWrittenOff (the agency recalls, the insurer is told).
 */
@Service
public class WriteOffs {

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final Messages messages;
    private final InteractionLog interactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    WriteOffs(InvoiceService invoices, CustomerService customers, Messages messages, InteractionLog interactions, JdbcTemplate jdbc, Clock clock,
              @Value("${recouvra.zone}") ZoneId zone) {
        this.invoices = invoices;
        this.customers = customers;
        this.messages = messages;
        this.interactions = interactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** What the approving manager sees: the amount given up and the invoice's VAT inside it. */
    @Transactional(readOnly = true)
    public Proposal propose(String invoiceNumber) {
        Invoice invoice = invoices.get(invoiceNumber);
        BigDecimal vatIncluded = invoice.vatIn(invoice.getOutstanding());
        BigDecimal rate = rateOf(invoice);
        return new Proposal(AmountDisplay.of(invoice.getOutstanding(), invoice.getCurrency()), AmountDisplay.of(vatIncluded, invoice.getCurrency()),
                rate == null ? "–" : rate.stripTrailingZeros().toPlainString());
    }

    /**
     * The invoice's VAT rate, vat / amount excluding VAT, to 2 decimals: exactly its rate for a single-rate
     * invoice (20, 10, 5.5, 2.1, 0), a weighted average for a mixed one; none for a VAT-only invoice.
     */
    private static BigDecimal rateOf(Invoice invoice) {
        return invoice.getAmountExclVat().signum() == 0 ? null
                : invoice.getVat().multiply(BigDecimal.valueOf(100)).divide(invoice.getAmountExclVat(), 2, RoundingMode.HALF_UP);
    }

    public record Proposal(String amountDisplay, String vatIncludedDisplay, String vatRate) {
    }

    @Transactional
    public WriteOff writeOff(String invoiceNumber, WriteOffReason reason, String note, String approvedBy) {
        Invoice invoice = invoices.writeOff(invoiceNumber, reason.name() + (note == null || note.isBlank() ? "" : ": " + note));
        messages.cancelPending(invoiceNumber);
        WriteOff writeOff = new WriteOff(UUID.randomUUID(), invoiceNumber, invoice.getCustomer().getId(), invoice.getCustomer().getLegalName(),
                LocalDate.now(clock.withZone(zone)), invoice.getOutstanding(), invoice.getCurrency(), rateOf(invoice),
                invoice.vatIn(invoice.getOutstanding()), invoice.isVatDerived(), reason, note, approvedBy);
        jdbc.update("""
                insert into recouvra.write_off (id, invoice_id, invoice_number, customer_id, written_off_on, amount, currency, vat_rate,
                    vat_included, vat_derived, reason, note, approved_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", writeOff.id(), invoice.getId(), invoiceNumber, writeOff.customerId(),
                Date.valueOf(writeOff.writtenOffOn()), writeOff.amount(), writeOff.currency(), writeOff.vatRate(), writeOff.vatIncluded(),
                writeOff.vatDerived(), reason.name(), note, approvedBy, Timestamp.from(clock.instant()));
        interactions.record(writeOff.customerId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.WRITE_OFF,
                "Written off (" + reason.name().toLowerCase().replace('_', ' ') + "): " + AmountDisplay.of(writeOff.amount(), writeOff.currency())
                        + (approvedBy == null ? "" : ", approved by " + approvedBy), note);
        return writeOff;
    }

    /** The write-offs of these invoices, by invoice number (an invoice not written off is not in the list). */
    @Transactional(readOnly = true)
    public List<WriteOff> ofInvoices(List<String> invoiceNumbers) {
        List<WriteOff> unnamed = jdbc.query("""
                select id, invoice_number, customer_id, written_off_on, amount, currency, vat_rate, vat_included, vat_derived,
                       reason, note, approved_by
                from recouvra.write_off where invoice_number = any (?) order by invoice_number""",
                (rs, row) -> new WriteOff(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), null,
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBoolean(9), WriteOffReason.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12)),
                (Object) invoiceNumbers.toArray(String[]::new));
        Map<UUID, String> names = customers.legalNamesOf(unnamed.stream().map(WriteOff::customerId).distinct().toList());
        return unnamed.stream().map(writeOff -> writeOff.named(names.get(writeOff.customerId()))).toList();
    }

    @Transactional(readOnly = true)
    public List<WriteOff> between(LocalDate from, LocalDate to) {
        List<WriteOff> unnamed = jdbc.query("""
                select id, invoice_number, customer_id, written_off_on, amount, currency, vat_rate, vat_included, vat_derived,
                       reason, note, approved_by
                from recouvra.write_off where written_off_on between ? and ? order by written_off_on, invoice_number""",
                (rs, row) -> new WriteOff(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), null,
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBoolean(9), WriteOffReason.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12)),
                Date.valueOf(from), Date.valueOf(to));
        Map<UUID, String> names = customers.legalNamesOf(unnamed.stream().map(WriteOff::customerId).distinct().toList());
        return unnamed.stream().map(writeOff -> writeOff.named(names.get(writeOff.customerId()))).toList();
    }
}

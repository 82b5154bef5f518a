package io.recouvra.insolvency;

import io.recouvra.insolvency.ClaimSecurities.ClaimSecurity;
import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.LatePaymentClaims.Claim;
import io.recouvra.interest.LatePaymentClaims.InvoiceClaim;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import io.recouvra.writeoff.WriteOff;
import io.recouvra.writeoff.WriteOffReason;
import io.recouvra.writeoff.WriteOffs;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declaration of claims of one customer in insolvency proceedings: its figures as the law asks for them
 * (L. 622-25, R. 622-23), kept with its PDF when prepared, and each step a legal officer records after it: sent,
 * relief from foreclosure, the representative's answer, the outcome, the dividend booked, the rest written off.
 */
@Service
class ClaimDeclarations {

    /** One claim declared: an invoice issued before the opening judgment, as it stood on the judgment's day. */
    record Line(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, String currency, BigDecimal principal,
                BigDecimal interest, BigDecimal indemnityEur, boolean fallsDueLater) {
    }

    /**
     * A currency's totals. {@code due}: what was due at the judgment (principal of the invoices then due, interest to
     * the judgment, and the indemnity when in euros); {@code notYetDue}: the principal falling due after it, declared
     * with its dates (L. 622-25); {@code total}: both.
     */
    record Totals(String currency, BigDecimal principalDue, BigDecimal interest, BigDecimal indemnityEur, BigDecimal due,
                  BigDecimal notYetDue, BigDecimal total) {
    }

    record Declaration(UUID proceedingsId, UUID customerId, String customerName, String proceedingsKind, LocalDate judgmentDate,
                       LocalDate bodaccPublishedOn, ClaimDeclarationDeadlines deadlines, List<Line> lines, List<Totals> totals,
                       List<ClaimSecurity> securities, String totalDisplay) {

        boolean retentionOfTitle() {
            return securities.stream().anyMatch(ClaimSecurity::retentionOfTitle);
        }
    }

    private final DeclaredProceedings proceedings;
    private final InvoiceService invoices;
    private final LatePaymentClaims claims;
    private final ObjectProvider<ClaimSecurities> securities;
    private final ClaimDeclarationDocuments documents;
    private final InsuranceClaims insurance;
    private final PaymentService payments;
    private final WriteOffs writeOffs;
    private final InteractionLog interactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final InsurerToldOfInsolvency insurerTold;

    ClaimDeclarations(DeclaredProceedings proceedings, InvoiceService invoices, LatePaymentClaims claims,
                      ObjectProvider<ClaimSecurities> securities, ClaimDeclarationDocuments documents, InsuranceClaims insurance,
                      PaymentService payments, WriteOffs writeOffs, InteractionLog interactions, JdbcTemplate jdbc, Clock clock,
                      @Value("${recouvra.zone}") ZoneId zone, InsurerToldOfInsolvency insurerTold) {
        this.insurerTold = insurerTold;
        this.proceedings = proceedings;
        this.invoices = invoices;
        this.claims = claims;
        this.securities = securities;
        this.documents = documents;
        this.insurance = insurance;
        this.payments = payments;
        this.writeOffs = writeOffs;
        this.interactions = interactions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The figures as of the opening judgment: the customer's open invoices born before its day (delivered or rendered
     * then, {@code Invoice.bornOn}: the issue date when the invoice gave no delivery date; a claim born on the day of the
     * judgment is born after it: the judgment takes effect from the first hour of its day), each with its
     * principal on that day, the interest to that day (L. 622-28 stops it there for trade claims) and the 40 EUR
     * indemnity of an invoice then late.
     */
    @Transactional(readOnly = true)
    Declaration figures(UUID proceedingsId) {
        DeclaredProceedings.Facts facts = proceedings.facts(proceedingsId);
        if (facts.bodaccPublishedOn() == null) {
            throw new ConflictException("bodaccPublishedOn", "the opening judgment of proceedings " + proceedingsId
                    + " is not published in the BODACC yet: the declaration's deadlines run from the publication");
        }
        LocalDate judgment = facts.judgmentDate();
        List<Invoice> born = invoices.openOf(facts.customerId()).stream().filter(i -> i.bornOn().isBefore(judgment))
                .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getNumber)).toList();
        Map<String, List<Invoice>> byCurrency = born.stream()
                .collect(Collectors.groupingBy(Invoice::getCurrency, LinkedHashMap::new, Collectors.toList()));
        List<Line> lines = new ArrayList<>();
        List<Totals> totals = new ArrayList<>();
        for (Map.Entry<String, List<Invoice>> currency : byCurrency.entrySet()) {
            Claim claim = claims.claim(currency.getValue(), judgment);
            List<Line> ofCurrency = claim.invoices().stream().filter(c -> c.principal().signum() > 0)
                    .map(c -> line(c, currency.getValue(), judgment)).toList();
            lines.addAll(ofCurrency);
            totals.add(totals(currency.getKey(), ofCurrency));
        }
        List<String> numbers = lines.stream().map(Line::invoiceNumber).toList();
        // every register that knows of securities has its say (none until the guarantee register provides one)
        List<ClaimSecurity> secured = securities.orderedStream().flatMap(register -> register.of(facts.customerId(), numbers).stream())
                .toList();
        String display = totals.isEmpty() ? AmountDisplay.of(BigDecimal.ZERO.setScale(2), "EUR")
                : totals.stream().map(t -> AmountDisplay.of(t.total(), t.currency())).collect(Collectors.joining(" + "));
        return new Declaration(proceedingsId, facts.customerId(), facts.customerName(), facts.kindLabel(), judgment,
                facts.bodaccPublishedOn(), ClaimDeclarationDeadlines.from(facts.bodaccPublishedOn(), facts.outsideMetropolitanFrance()),
                lines, totals, secured, display);
    }

    private static Line line(InvoiceClaim claim, List<Invoice> invoices, LocalDate judgment) {
        Invoice invoice = invoices.stream().filter(i -> i.getNumber().equals(claim.number())).findFirst().orElseThrow();
        return new Line(claim.number(), invoice.getIssueDate(), claim.dueDate(), claim.currency(), claim.principal(), claim.interest(),
                claim.indemnityEur(), claim.dueDate().isAfter(judgment));
    }

    private static Totals totals(String currency, List<Line> lines) {
        BigDecimal principalDue = sum(lines.stream().filter(l -> !l.fallsDueLater()).toList(), Line::principal);
        BigDecimal interest = sum(lines, Line::interest);
        BigDecimal indemnity = sum(lines, Line::indemnityEur);
        BigDecimal due = principalDue.add(interest).add("EUR".equals(currency) ? indemnity : BigDecimal.ZERO);
        BigDecimal notYetDue = sum(lines.stream().filter(Line::fallsDueLater).toList(), Line::principal);
        return new Totals(currency, principalDue, interest, indemnity, due, notYetDue, due.add(notYetDue));
    }

    private static BigDecimal sum(List<Line> lines, Function<Line, BigDecimal> part) {
        return lines.stream().map(part).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Works the figures out, renders and keeps the declaration, and tells the insurer of each insured invoice. */
    @Transactional
    Declaration prepare(UUID proceedingsId) {
        Declaration declaration = figures(proceedingsId);
        byte[] pdf = documents.pdf(declaration, proceedings.facts(proceedingsId));
        String numbers = declaration.lines().stream().map(Line::invoiceNumber).collect(Collectors.joining(","));
        jdbc.update("""
                insert into recouvra.claim_declaration (proceedings_id, customer_id, judgment_date, bodacc_published_on,
                    declaration_deadline, relief_deadline, retention_deadline, declared_total, invoice_numbers, prepared_at, pdf, pdf_sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (proceedings_id) do update set declared_total = excluded.declared_total,
                    invoice_numbers = excluded.invoice_numbers, prepared_at = excluded.prepared_at, pdf = excluded.pdf,
                    pdf_sha256 = excluded.pdf_sha256""",
                proceedingsId, declaration.customerId(), Date.valueOf(declaration.judgmentDate()),
                Date.valueOf(declaration.bodaccPublishedOn()), Date.valueOf(declaration.deadlines().declaration()),
                Date.valueOf(declaration.deadlines().relief()), Date.valueOf(declaration.deadlines().retention()),
                declaration.totalDisplay(), numbers, Timestamp.from(clock.instant()), pdf, ClaimDeclarationDocuments.sha256(pdf));
        boolean insurerKnows = insurerTold.tell(proceedingsId);
        List<String> insured = declaration.lines().stream().map(Line::invoiceNumber).filter(insurance::askToTakeOver).toList();
        note(declaration.customerId(), "Declaration of claims prepared: " + declaration.totalDisplay() + " ("
                + declaration.lines().size() + " invoices), to send by " + declaration.deadlines().declaration(),
                insured.isEmpty() ? null : "the credit insurer is asked to take over the insured invoices " + String.join(", ", insured)
                        + (insurerKnows ? "" : "; it could not be told of the proceedings: tell it by hand"));
        return declaration;
    }

    @Transactional(readOnly = true)
    byte[] pdf(UUID proceedingsId) {
        return kept(proceedingsId).pdf();
    }

    @Transactional(readOnly = true)
    byte[] bundle(UUID proceedingsId) {
        Kept kept = kept(proceedingsId);
        return documents.bundle(kept.pdf(), kept.invoiceNumbers().stream().map(invoices::get).toList(), kept.customerId());
    }

    void reminded(UUID proceedingsId) {
        Kept kept = kept(proceedingsId);
        note(kept.customerId(), "Reminder: the declaration of claims is to be sent to the representative by " + kept.deadline(), null);
    }

    @Transactional
    void sent(UUID proceedingsId, LocalDate sentOn, String channel, String reference, String by) {
        Kept kept = kept(proceedingsId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (sentOn.isAfter(today)) {
            throw new InvalidInputException("declarationSentOn", "is in the future: " + sentOn);
        }
        jdbc.update("update recouvra.claim_declaration set sent_on = ?, sent_channel = ?, sent_reference = ?, sent_by = ? "
                + "where proceedings_id = ?", Date.valueOf(sentOn), channel, reference, by, proceedingsId);
        note(kept.customerId(), "Declaration of claims sent to the representative on " + sentOn + (channel == null ? "" : " (" + channel
                + (reference == null ? "" : " " + reference) + ")") + (sentOn.isAfter(kept.deadline()) ? ", after the deadline of "
                + kept.deadline() : ""), null);
    }

    void relief(UUID proceedingsId, String outcome, LocalDate requestedOn, String note) {
        note(kept(proceedingsId).customerId(), switch (outcome) {
            case "GRANTED" -> "Relief from foreclosure granted (L. 622-26), request filed on " + requestedOn;
            case "REFUSED" -> "Relief from foreclosure refused (L. 622-26), request filed on " + requestedOn
                    + ": the claim takes no part in the distributions";
            default -> "No relief from foreclosure asked: the claim takes no part in the distributions";
        }, note);
    }

    void foreclosed(UUID proceedingsId) {
        Kept kept = kept(proceedingsId);
        note(kept.customerId(), "Claim foreclosed: not declared by " + kept.deadline() + " and no relief asked by "
                + kept.reliefDeadline() + " (L. 622-26)", null);
    }

    @Transactional
    String answered(UUID proceedingsId, String answer, BigDecimal admittedAmount, String note) {
        Kept kept = kept(proceedingsId);
        jdbc.update("update recouvra.claim_declaration set answer = ?, admitted_amount = ? where proceedings_id = ?", answer,
                admittedAmount, proceedingsId);
        String display = admittedAmount == null ? null : AmountDisplay.of(admittedAmount, kept.currency());
        note(kept.customerId(), "Claim " + answer.toLowerCase() + (display == null ? "" : " for " + display), note);
        return display;
    }

    void contestAnswered(UUID proceedingsId, LocalDate answeredOn, String note) {
        note(kept(proceedingsId).customerId(), "Answer to the representative's contest sent on " + answeredOn, note);
    }

    void contestLapsed(UUID proceedingsId) {
        note(kept(proceedingsId).customerId(), "No answer to the representative's contest within 30 days: the creditor can no "
                + "longer contest the proposal (L. 622-27)", null);
    }

    void goodsClaimed(UUID proceedingsId, LocalDate claimedOn, String note) {
        note(kept(proceedingsId).customerId(), "Claim for the return of goods under retention of title sent on " + claimedOn
                + " (L. 624-9)", note);
    }

    void retentionLapsed(UUID proceedingsId) {
        Kept kept = kept(proceedingsId);
        note(kept.customerId(), "The three months to claim the goods under retention of title ended on " + kept.retentionDeadline()
                + " (L. 624-9): the goods can no longer be claimed back", null);
    }

    /** What is still owed on the declared invoices, in the declaration's currency. */
    @Transactional(readOnly = true)
    BigDecimal stillOwed(UUID proceedingsId) {
        return declaredOpen(kept(proceedingsId)).stream().map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Transactional
    void outcome(UUID proceedingsId, String outcome, LocalDate on, BigDecimal dividend, String note) {
        Kept kept = kept(proceedingsId);
        if ("DIVIDEND_PAID".equals(outcome)) {
            BigDecimal owed = stillOwed(proceedingsId);
            if (dividend == null || dividend.signum() <= 0) {
                throw new InvalidInputException("dividendAmount", "is required and above 0 for a dividend");
            }
            if (dividend.compareTo(owed) > 0) {
                throw new InvalidInputException("dividendAmount", "is more than the " + AmountDisplay.of(owed, kept.currency())
                        + " still owed on the declared invoices: " + dividend);
            }
        }
        jdbc.update("update recouvra.claim_declaration set outcome = ?, outcome_date = ? where proceedings_id = ?", outcome,
                Date.valueOf(on), proceedingsId);
        note(kept.customerId(), switch (outcome) {
            case "DIVIDEND_PAID" -> "Dividend of " + AmountDisplay.of(dividend, kept.currency()) + " received on " + on;
            case "PLAN_ADOPTED" -> "Plan adopted on " + on + ": the dividends come with its instalments";
            default -> "Liquidation closed for insufficient assets on " + on + " (L. 643-9)";
        }, note);
    }

    /**
     * The proceedings were closed: the closing is the declaration's outcome. Returns what the declared invoices still
     * owe, which a liquidation closed for insufficient assets writes off ({@link #writeOff}) and a plan carried out or
     * debts paid leave to the officer (the last dividends to book, or what the plan remitted to write off). Zero, and a
     * trail entry saying so, when no declaration was prepared (closed before the BODACC publication).
     */
    @Transactional
    BigDecimal closed(UUID proceedingsId, ClosingKind kind, LocalDate on) {
        if (jdbc.queryForObject("select count(*) from recouvra.claim_declaration where proceedings_id = ?", Integer.class,
                proceedingsId) == 0) {
            note(proceedings.facts(proceedingsId).customerId(), "Declaration of claims ended: proceedings closed (" + kind
                    + ") by the judgment of " + on + " before any declaration was prepared", kind == ClosingKind.LIQUIDATION_INSUFFICIENT_ASSETS
                    ? "Nothing was declared, so nothing is written off here: write off by hand what the invoices born before "
                    + "the opening judgment still owe (L. 643-11: the creditors do not recover their right to sue)." : null);
            return BigDecimal.ZERO;
        }
        Kept kept = kept(proceedingsId);
        jdbc.update("update recouvra.claim_declaration set outcome = ?, outcome_date = ? where proceedings_id = ?", kind.name(),
                Date.valueOf(on), proceedingsId);
        BigDecimal owed = stillOwed(proceedingsId);
        String owedDisplay = AmountDisplay.of(owed, kept.currency());
        note(kept.customerId(), "Declaration of claims ended: proceedings closed (" + kind + ") by the judgment of " + on, switch (kind) {
            case LIQUIDATION_INSUFFICIENT_ASSETS -> owed.signum() > 0 ? owedDisplay + " still owed on the declared invoices is "
                    + "written off (L. 643-11: the creditors do not recover their right to sue)" : "Nothing is still owed on the declared invoices";
            case PLAN_CARRIED_OUT, LIQUIDATION_DEBTS_PAID -> owed.signum() > 0 ? owedDisplay + " still owed on the declared "
                    + "invoices: book the last dividends received, or write off what the plan remitted" : "The declared invoices are paid";
        });
        return owed;
    }

    /** Books the dividend as one payment on the declared invoices still open, oldest due first. */
    @Transactional
    void bookDividend(UUID proceedingsId, BigDecimal amount, LocalDate valueDate, String bankReference) {
        Kept kept = kept(proceedingsId);
        List<NewPayment.Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (Invoice invoice : declaredOpen(kept)) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal share = left.min(invoice.getOutstanding());
            allocations.add(new NewPayment.Allocation(invoice.getNumber(), share));
            left = left.subtract(share);
        }
        payments.register(new NewPayment(kept.customerId(), amount, kept.currency(), valueDate,
                bankReference == null || bankReference.isBlank() ? "DIVIDENDE-" + proceedingsId : bankReference, allocations));
    }

    /**
     * Writes off what is still owed on the declared invoices, reason INSOLVENCY, each with the VAT note: the VAT
     * may be recovered from the day the liquidation was pronounced (CGI art. 272-1), against a rectifying invoice.
     */
    @Transactional
    List<String> writeOff(UUID proceedingsId, LocalDate closedOn, String approvedBy) {
        Kept kept = kept(proceedingsId);
        String note = "liquidation closed for insufficient assets on " + closedOn + " (C. com. L. 643-9); VAT recoverable "
                + "(CGI art. 272-1) from the judgment that pronounced the liquidation, against a rectifying invoice to the debtor";
        List<String> written = new ArrayList<>();
        for (Invoice invoice : declaredOpen(kept)) {
            writeOffs.writeOff(invoice.getNumber(), WriteOffReason.INSOLVENCY, note, approvedBy);
            written.add(invoice.getNumber());
        }
        return written;
    }

    /**
     * The write-offs of the declared invoices (the closing's, or any other since), the invoice number first; none when no
     * declaration was prepared.
     */
    @Transactional(readOnly = true)
    List<WriteOff> writtenOff(UUID proceedingsId) {
        if (jdbc.queryForObject("select count(*) from recouvra.claim_declaration where proceedings_id = ?", Integer.class,
                proceedingsId) == 0) {
            return List.of();
        }
        return writeOffs.ofInvoices(kept(proceedingsId).invoiceNumbers());
    }

    private List<Invoice> declaredOpen(Kept kept) {
        return invoices.byNumbers(kept.invoiceNumbers()).stream()
                .filter(i -> !i.getStatus().isClosed() && i.getOutstanding().signum() > 0 && kept.currency().equals(i.getCurrency()))
                .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getNumber)).toList();
    }

    private void note(UUID customerId, String summary, String content) {
        interactions.record(customerId, null, Medium.COURT, Direction.INTERNAL, Type.COURT_STEP, summary, content);
    }

    /** The declaration as prepared: its customer, deadlines, invoices and PDF. */
    private record Kept(UUID customerId, LocalDate deadline, LocalDate reliefDeadline, LocalDate retentionDeadline,
                        List<String> invoiceNumbers, String currency, byte[] pdf) {
    }

    private Kept kept(UUID proceedingsId) {
        List<Kept> rows = jdbc.query("""
                select customer_id, declaration_deadline, relief_deadline, retention_deadline, invoice_numbers, pdf
                from recouvra.claim_declaration where proceedings_id = ?""", (rs, n) -> {
            List<String> numbers = rs.getString(5).isEmpty() ? List.of() : List.of(rs.getString(5).split(","));
            return new Kept(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class), numbers, null, rs.getBytes(6));
        }, proceedingsId);
        if (rows.isEmpty()) {
            throw new NotFoundException("No declaration of claims prepared for proceedings " + proceedingsId);
        }
        Kept kept = rows.get(0);
        String currency = invoices.byNumbers(kept.invoiceNumbers()).stream().map(Invoice::getCurrency).findFirst().orElse("EUR");
        return new Kept(kept.customerId(), kept.deadline(), kept.reliefDeadline(), kept.retentionDeadline(), kept.invoiceNumbers(),
                currency, kept.pdf());
    }
}

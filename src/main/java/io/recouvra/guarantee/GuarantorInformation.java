package io.recouvra.guarantee;

import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.LatePaymentClaims.InvoiceClaim;
import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.PreparedLetter;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the creditor, a professional, must tell a natural person who guaranteed its customer's debts (Code civil as
 * reformed by ordonnance 2021-1192, see docs/legal.md): every year before 31 March, the principal, interest and other
 * accessories owed on 31 December and the term of the commitment (art. 2302); and the debtor's first payment default
 * not put right within the month it fell due (art. 2303). Both by registered letter through the outbox, once: per
 * guarantee and year for the first, per guarantee for the second. Failing either, the guarantor owes no interest nor
 * penalties for the time without the information.
 */
@Service
class GuarantorInformation {

    private static final Logger log = LoggerFactory.getLogger(GuarantorInformation.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String CASE_PREFIX = "guarantee-";
    static final String FIRST_DEFAULT_STEP = "first-default";

    /** What the debtor owed on 31 December under one guarantee, per invoice still owing principal then. */
    record OwedAtYearEnd(LocalDate asOf, String currency, List<InvoiceClaim> invoices, BigDecimal principal, BigDecimal interest,
                         BigDecimal indemnityEur) {

        /** The indemnity is in euros: it adds up only with a claim in euros. */
        BigDecimal total() {
            return principal.add(interest).add("EUR".equals(currency) ? indemnityEur : BigDecimal.ZERO);
        }
    }

    private final Guarantees guarantees;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final LatePaymentClaims claims;
    private final Messages messages;
    private final InteractionLog interactions;
    private final GuaranteeTemplates templates;
    private final Creditor creditor;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    GuarantorInformation(Guarantees guarantees, InvoiceService invoices, CustomerService customers, LatePaymentClaims claims,
                         Messages messages, InteractionLog interactions, GuaranteeTemplates templates, Creditor creditor,
                         TransactionTemplate transaction, Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.guarantees = guarantees;
        this.invoices = invoices;
        this.customers = customers;
        this.claims = claims;
        this.messages = messages;
        this.interactions = interactions;
        this.templates = templates;
        this.creditor = creditor;
        this.transaction = transaction;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The annual information of art. 2302 for last year, to every guarantor bound on 31 December not informed yet this
     * year (a guarantee whose {@code annualInformationOn} falls in this year was informed, by Recouvra or before it):
     * one letter per guarantee and year, each in its own transaction. Answers the guarantees written to.
     */
    List<UUID> sendAnnualInformation() {
        LocalDate today = today();
        LocalDate yearEnd = LocalDate.of(today.getYear() - 1, 12, 31);
        List<UUID> informed = new ArrayList<>();
        for (Guarantee guarantee : guarantees.ofBoundNaturalPersons(false)) {
            boolean due = guarantee.startsOn().isBefore(yearEnd.plusDays(1))
                    && (guarantee.annualInformationOn() == null || guarantee.annualInformationOn().isBefore(yearEnd.plusDays(1)));
            if (due && each(guarantee, g -> annualInformation(g, yearEnd, today))) {
                informed.add(guarantee.id());
            }
        }
        return informed;
    }

    /**
     * The notice of art. 2303 to every guarantor not told yet whose debtor has an invoice under the guarantee still
     * unpaid a month after its due date (not disputed: a disputed sum is not a default): one letter per guarantee,
     * about the oldest such invoice. Answers the guarantees written to.
     */
    List<UUID> sendFirstDefaultNotices() {
        LocalDate today = today();
        List<UUID> told = new ArrayList<>();
        for (Guarantee guarantee : guarantees.ofBoundNaturalPersons(true)) {
            if (each(guarantee, g -> firstDefault(g, today))) {
                told.add(guarantee.id());
            }
        }
        return told;
    }

    /** One guarantee's letter in its own transaction: a missing late-payment rate or a bad address stops only that one. */
    private boolean each(Guarantee guarantee, Function<Guarantee, Boolean> letter) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> letter.apply(guarantee)));
        } catch (RuntimeException e) {
            log.error("Guarantor information for guarantee {} not sent; tried again at the next run", guarantee.id(), e);
            return false;
        }
    }

    private boolean annualInformation(Guarantee guarantee, LocalDate yearEnd, LocalDate today) {
        OwedAtYearEnd owed = owedAt(guarantee, yearEnd);
        boolean ended = guarantee.endsOn() != null && guarantee.endsOn().isBefore(yearEnd);
        if (ended && owed.invoices().isEmpty()) {
            return false; // ended before the year's end with nothing owed under it: nothing left to tell
        }
        Customer debtor = customers.get(guarantee.customerId());
        Map<String, Object> model = letterModel(guarantee, debtor, today);
        model.put("year", yearEnd.getYear());
        model.put("asOf", DAY.format(yearEnd));
        model.put("invoices", owed.invoices().stream().map(line -> Map.of("number", line.number(), "dueDate", DAY.format(line.dueDate()),
                "principal", money(line.principal(), owed.currency()), "interest", money(line.interest(), owed.currency()),
                "indemnity", AmountDisplay.of(line.indemnityEur(), "EUR"))).toList());
        model.put("principal", money(owed.principal(), owed.currency()));
        model.put("interest", money(owed.interest(), owed.currency()));
        model.put("indemnity", AmountDisplay.of(owed.indemnityEur(), "EUR"));
        model.put("indemnityApart", !"EUR".equals(owed.currency()) && owed.indemnityEur().signum() > 0);
        model.put("total", money(owed.total(), owed.currency()));
        byte[] pdf = templates.pdf("guarantor-annual-information", model);
        if (!messages.enqueueLetter(CASE_PREFIX + guarantee.id(), "annual-information-" + yearEnd.getYear(), MessageKind.GUARANTOR_LETTER,
                guarantee.customerId(), null, new PreparedLetter(recipient(guarantee),
                        "Information annuelle de la caution au 31/12/" + yearEnd.getYear() + " : " + debtor.getLegalName(), pdf))) {
            return false;
        }
        guarantees.markAnnualInformation(guarantee.id(), yearEnd.getYear(), today);
        interactions.record(guarantee.customerId(), guarantee.invoiceId(), Medium.LETTER, Direction.OUTBOUND, Type.NOTE,
                "Guarantor's annual information (art. 2302 C. civ.) for " + yearEnd.getYear() + " queued to " + guarantee.providerName()
                        + ": " + money(owed.total(), owed.currency()) + " owed on " + yearEnd, Guarantees.describe(guarantee));
        return true;
    }

    private boolean firstDefault(Guarantee guarantee, LocalDate today) {
        Optional<Invoice> unpaid = covered(guarantee).stream()
                .filter(i -> !i.getStatus().isClosed() && i.getStatus() != InvoiceStatus.DISPUTED && i.getOutstanding().signum() > 0)
                // not put right within the month it fell due: still unpaid once that month is over
                .filter(i -> today.isAfter(i.getDueDate().plusMonths(1)))
                .min(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getNumber));
        if (unpaid.isEmpty() || !guarantees.markFirstDefaultNotified(guarantee.id(), today)) {
            return false;
        }
        Invoice invoice = unpaid.get();
        Customer debtor = invoice.getCustomer();
        Map<String, Object> model = letterModel(guarantee, debtor, today);
        model.put("invoiceNumber", invoice.getNumber());
        model.put("issueDate", DAY.format(invoice.getIssueDate()));
        model.put("dueDate", DAY.format(invoice.getDueDate()));
        model.put("regulariseBy", DAY.format(invoice.getDueDate().plusMonths(1)));
        model.put("invoiceAmount", money(invoice.getAmount(), invoice.getCurrency()));
        model.put("outstanding", money(invoice.getOutstanding(), invoice.getCurrency()));
        byte[] pdf = templates.pdf("guarantor-first-default", model);
        messages.enqueueLetter(CASE_PREFIX + guarantee.id(), FIRST_DEFAULT_STEP, MessageKind.GUARANTOR_LETTER, guarantee.customerId(),
                invoice.getId(), new PreparedLetter(recipient(guarantee),
                        "Information de la caution : défaillance de " + debtor.getLegalName() + ", facture " + invoice.getNumber(), pdf));
        interactions.record(guarantee.customerId(), invoice.getId(), Medium.LETTER, Direction.OUTBOUND, Type.NOTE,
                "Guarantor told of the first payment default (art. 2303 C. civ.): letter queued to " + guarantee.providerName() + " ("
                        + invoice.getNumber() + ", " + money(invoice.getOutstanding(), invoice.getCurrency()) + " due since "
                        + invoice.getDueDate() + ")", Guarantees.describe(guarantee));
        return true;
    }

    /**
     * Principal, interest and the recovery indemnity owed on {@code asOf} on the invoices under the guarantee issued by
     * then: each invoice's principal that day (payments by their value date), the late-payment interest to that day
     * and the 40 EUR indemnity of an invoice then late ({@link LatePaymentClaims}); invoices paid by then are left out.
     */
    OwedAtYearEnd owedAt(Guarantee guarantee, LocalDate asOf) {
        List<Invoice> issued = covered(guarantee).stream()
                .filter(i -> !i.getIssueDate().isAfter(asOf) && i.getStatus() != InvoiceStatus.CANCELLED).toList();
        List<InvoiceClaim> owing = issued.isEmpty() ? List.of()
                : claims.claim(issued, asOf).invoices().stream().filter(line -> line.principal().signum() > 0)
                        .sorted(Comparator.comparing(InvoiceClaim::dueDate).thenComparing(InvoiceClaim::number)).toList();
        return new OwedAtYearEnd(asOf, guarantee.currency(), owing, sum(owing, InvoiceClaim::principal), sum(owing, InvoiceClaim::interest),
                sum(owing, InvoiceClaim::indemnityEur));
    }

    /** The guarantee's own invoice, or the customer's invoices in the guarantee's currency. */
    private List<Invoice> covered(Guarantee guarantee) {
        if (guarantee.invoiceId() != null) {
            return List.of(invoices.get(guarantee.invoiceId()));
        }
        return invoices.list(null, guarantee.customerId(), Pageable.unpaged()).getContent().stream()
                .filter(i -> i.getCurrency().equals(guarantee.currency())).toList();
    }

    /** What both letters say of the guarantee, its guarantor and the debtor. */
    private Map<String, Object> letterModel(Guarantee guarantee, Customer debtor, LocalDate today) {
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", creditor);
        model.put("providerName", guarantee.providerName());
        model.put("providerAddressLines", GuaranteeTemplates.lines(guarantee.providerAddress()));
        model.put("reference", guarantee.reference());
        model.put("letterDate", DAY.format(today));
        model.put("startsOn", DAY.format(guarantee.startsOn()));
        model.put("endsOn", guarantee.endsOn() == null ? null : DAY.format(guarantee.endsOn()));
        model.put("cap", money(guarantee.amount(), guarantee.currency()));
        model.put("reducedTo", guarantee.reducedTo() == null ? null : money(guarantee.reducedTo(), guarantee.currency()));
        model.put("guaranteedInvoice", guarantee.invoiceNumber());
        model.put("debtorName", debtor.getLegalName());
        model.put("debtorRegistration", debtor.getRegistrationNumber());
        return model;
    }

    private static String recipient(Guarantee guarantee) {
        return guarantee.providerName() + "\n" + guarantee.providerAddress().strip();
    }

    private static String money(BigDecimal amount, String currency) {
        return AmountDisplay.of(amount, currency);
    }

    private static BigDecimal sum(List<InvoiceClaim> lines, Function<InvoiceClaim, BigDecimal> part) {
        return lines.stream().map(part).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

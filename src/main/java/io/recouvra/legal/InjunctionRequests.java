package io.recouvra.legal;

import io.recouvra.interest.InterestLines;
import io.recouvra.interest.InterestPeriod;
import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.LatePaymentClaims.Claim;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.legal.LegalCase.Stage;
import io.recouvra.messaging.Creditor;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.messaging.LetterRenderer;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.SentLetters.SentLetter;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.web.NotFoundException;
import io.recouvra.web.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The injunction request (requête en injonction de payer) as article 1407 of the Code de procédure
 * civile asks for it: the parties, the amount claimed with the breakdown of its parts and their legal
 * basis, and the list of supporting documents; rendered to PDF and kept, and the bundle of documents a
 * legal officer files with it.
 */
@Service
class InjunctionRequests {

    private static final String TEMPLATE = "templates/legal/injunction-request.html";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** What the review shows and the process needs. */
    record Built(boolean stillOwed, BigDecimal totalClaimed, String totalDisplay, String courtName) {
    }

    /** A formal notice kept as sent, and whether its acknowledgement of receipt came back signed. */
    record FormalNotice(UUID messageId, Instant sentAt, boolean acknowledged, byte[] pdf) {
    }

    private final LegalCaseStore store;
    private final InvoiceService invoices;
    private final LatePaymentClaims claims;
    private final Courts courts;
    private final Creditor creditor;
    private final CreditorIdentityCheck.CheckedCreditorIdentity creditorIdentity;
    private final InteractionLog interactions;
    private final SentLetters letters;
    private final Clock clock;
    private final ZoneId zone;
    private final LetterRenderer renderer;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    InjunctionRequests(LegalCaseStore store, InvoiceService invoices, LatePaymentClaims claims, Courts courts, Creditor creditor,
                       CreditorIdentityCheck.CheckedCreditorIdentity creditorIdentity,
                       InteractionLog interactions, LetterRenderer renderer, SentLetters letters, Clock clock,
                       @Value("${recouvra.zone}") ZoneId zone) {
        this.store = store;
        this.invoices = invoices;
        this.claims = claims;
        this.courts = courts;
        this.creditor = creditor;
        this.creditorIdentity = creditorIdentity;
        this.interactions = interactions;
        this.letters = letters;
        this.clock = clock;
        this.zone = zone;
        this.renderer = renderer;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setResolvablePatterns(Set.of("templates/legal/*"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.addTemplateResolver(resolver);
    }

    /**
     * Works out the claim as of today (interest to the day from the statutory rate table, the indemnity,
     * the other costs the officer entered), names the court, renders the request and keeps it.
     */
    @Transactional(noRollbackFor = MissingLatePaymentRate.class) // its step waits for the rate, its transaction commits
    Built build(UUID caseId) {
        LegalCase legalCase = store.get(caseId);
        Invoice invoice = invoices.get(legalCase.invoiceNumber());
        if (invoice.getStatus().isClosed() || invoice.getOutstanding().signum() <= 0) {
            return new Built(false, BigDecimal.ZERO, AmountDisplay.of(BigDecimal.ZERO, invoice.getCurrency()), legalCase.courtName());
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Claim claim = claims.claim(List.of(invoice), today);
        BigDecimal total = claim.total().add(legalCase.otherCosts());
        String court = legalCase.courtName() != null ? legalCase.courtName() : courts.of(invoice.getCustomer());
        Map<String, Object> columns = new HashMap<>();
        columns.put("court_name", court);
        columns.put("principal", claim.principal());
        columns.put("interest", claim.interest());
        columns.put("indemnity", claim.indemnityEur());
        columns.put("total_claimed", total);
        columns.put("interest_as_of", today);
        store.update(caseId, Stage.IN_REVIEW, columns);
        byte[] pdf = renderer.pdf(render(store.get(caseId), invoice, claim, today));
        store.keepRequest(caseId, pdf, sha256(pdf));
        interactions.record(legalCase.customerId(), legalCase.invoiceId(), Medium.COURT, Direction.INTERNAL, Type.NOTE,
                "Injunction request prepared for the " + court + ": " + AmountDisplay.of(total, invoice.getCurrency()),
                "principal " + claim.principal().toPlainString() + ", interest to " + today + " " + claim.interest().toPlainString()
                        + ", indemnity " + claim.indemnityEur().toPlainString() + " EUR, other costs "
                        + legalCase.otherCosts().toPlainString());
        return new Built(true, total, AmountDisplay.of(total, invoice.getCurrency()), court);
    }

    private String render(LegalCase legalCase, Invoice invoice, Claim claim, LocalDate today) {
        Customer debtor = invoice.getCustomer();
        String currency = invoice.getCurrency();
        List<Map<String, Object>> periods = new ArrayList<>();
        for (InterestPeriod period : claim.invoices().get(0).periods()) {
            // each line's share of the total rounded once, so the lines add up to the interest claimed
            periods.add(Map.of("from", french(period.from()), "to", french(period.to()), "days", period.days(),
                    "unpaid", AmountDisplay.of(period.unpaid(), currency), "rate", percent(period.annualRate()),
                    "rateNote", InterestLines.rateNote(period, Locale.FRENCH),
                    "interest", AmountDisplay.of(period.amount(), currency)));
        }
        List<FormalNotice> notices = formalNotices(invoice.getId());
        List<String> documents = new ArrayList<>();
        documents.add("Facture n° " + invoice.getNumber() + " du " + french(invoice.getIssueDate()) + ", échue le "
                + french(invoice.getDueDate()) + ", d'un montant de " + AmountDisplay.of(invoice.getAmount(), currency) + " TTC"
                + (invoice.isVatDerived() ? "" : " (" + AmountDisplay.of(invoice.getAmountExclVat(), currency) + " HT, TVA "
                        + AmountDisplay.of(invoice.getVat(), currency) + ")"));
        for (FormalNotice notice : notices) {
            documents.add("Mise en demeure par lettre recommandée du " + french(LocalDate.ofInstant(notice.sentAt(), zone))
                    + (notice.acknowledged() ? ", avec son accusé de réception signé" : ""));
        }
        long contacts = interactions.ofInvoice(invoice.getId(), 0, 1).getTotalElements();
        documents.add("Historique des relances et échanges avec le débiteur (" + contacts + " entrées)");
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", creditor);
        model.put("creditorIdentity", creditorIdentity.identity());
        model.put("courtName", legalCase.courtName());
        model.put("debtorName", debtor.getLegalName());
        model.put("debtorSiren", debtor.getRegistrationNumber());
        model.put("debtorAddress", debtor.getAddressLine());
        model.put("debtorPostalCode", debtor.getPostalCode());
        model.put("debtorCity", debtor.getCity());
        model.put("invoiceNumber", invoice.getNumber());
        model.put("issueDate", french(invoice.getIssueDate()));
        model.put("dueDate", french(invoice.getDueDate()));
        model.put("asOf", french(today));
        model.put("principal", AmountDisplay.of(claim.principal(), currency));
        model.put("principalVat", principalVat(invoice, claim.principal()));
        model.put("interest", AmountDisplay.of(claim.interest(), currency));
        model.put("indemnity", AmountDisplay.of(claim.indemnityEur(), "EUR"));
        model.put("otherCosts", AmountDisplay.of(legalCase.otherCosts(), currency));
        model.put("total", AmountDisplay.of(legalCase.totalClaimed(), currency));
        model.put("periods", periods);
        model.put("formalNoticeSent", !notices.isEmpty());
        model.put("documents", documents);
        return templates.process(TEMPLATE, new Context(Locale.FRENCH, model));
    }

    /**
     * The invoice's own HT / VAT figures under the principal, which is claimed including VAT (the sum due, on which
     * interest runs). Left out when the invoice gave no breakdown: a VAT derived at the standard rate is not
     * put before a court.
     */
    private static String principalVat(Invoice invoice, BigDecimal principal) {
        if (invoice.isVatDerived()) {
            return null;
        }
        String currency = invoice.getCurrency();
        String ofInvoice = "Facture : " + AmountDisplay.of(invoice.getAmountExclVat(), currency) + " HT + TVA "
                + AmountDisplay.of(invoice.getVat(), currency) + " = " + AmountDisplay.of(invoice.getAmount(), currency) + " TTC";
        if (invoice.getVat().signum() == 0) {
            return ofInvoice + " (facture sans TVA)";
        }
        return ofInvoice + " ; principal réclamé TTC, dont TVA " + AmountDisplay.of(invoice.vatIn(principal), currency);
    }

    @Transactional(readOnly = true)
    byte[] requestPdf(String invoiceNumber) {
        LegalCase legalCase = store.latestOf(invoiceNumber)
                .orElseThrow(() -> new NotFoundException("No legal case for invoice " + invoiceNumber));
        return store.latestRequest(legalCase.id())
                .orElseThrow(() -> new NotFoundException("The injunction request of " + invoiceNumber + " is not built yet"));
    }

    /** The request, the formal notices as sent, and the interaction history as CSV, in one ZIP. */
    @Transactional(readOnly = true)
    byte[] bundle(String invoiceNumber) {
        byte[] request = requestPdf(invoiceNumber);
        Invoice invoice = invoices.get(invoiceNumber);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            add(out, "01-requete-injonction-de-payer-" + invoiceNumber + ".pdf", request);
            int n = 2;
            for (FormalNotice notice : formalNotices(invoice.getId())) {
                add(out, String.format("%02d-mise-en-demeure-%s%s.pdf", n++, LocalDate.ofInstant(notice.sentAt(), zone),
                        notice.acknowledged() ? "-AR-signe" : ""), notice.pdf());
            }
            add(out, String.format("%02d-historique-%s.csv", n, invoiceNumber), historyCsv(invoice.getId()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle of " + invoiceNumber, e);
        }
        return zip.toByteArray();
    }

    private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    /** Every contact about the invoice, oldest first: when, how, which way, what. */
    private byte[] historyCsv(UUID invoiceId) {
        StringBuilder csv = new StringBuilder("occurred_at;channel;direction;type;summary;content\n");
        int page = 0;
        Page<Interaction> rows;
        do {
            rows = interactions.ofInvoice(invoiceId, page++, 500);
            for (Interaction row : rows) {
                csv.append(row.getOccurredAt().atZone(zone).format(CSV_TIME)).append(';').append(row.getChannel()).append(';')
                        .append(row.getDirection()).append(';').append(row.getType()).append(';')
                        .append(quoted(row.getSummary())).append(';').append(quoted(row.getContent())).append('\n');
            }
        } while (rows.hasNext());
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return value == null ? "" : '"' + SpreadsheetCells.text(value).replace("\"", "\"\"") + '"';
    }

    /** Formal notices sent by registered letter about the invoice, as kept when sent. */
    List<FormalNotice> formalNotices(UUID invoiceId) {
        return letters.aboutInvoice(invoiceId).stream().filter(SentLetter::isFormalNoticeByPost)
                .map(letter -> new FormalNotice(letter.messageId(), letter.sentAt(), letter.delivered(), letter.pdf()))
                .toList();
    }

    private static String french(LocalDate day) {
        return day.format(FRENCH_DATE);
    }

    private static String percent(BigDecimal rate) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(rate) + " %";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

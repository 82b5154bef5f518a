package io.recouvra.insolvency;

import io.recouvra.insolvency.ClaimDeclarations.Declaration;
import io.recouvra.insolvency.ClaimDeclarations.Line;
import io.recouvra.insolvency.ClaimDeclarations.Totals;
import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.LetterRenderer;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.SentLetters.SentLetter;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The declaration as the representative receives it (PDF from templates/insolvency/declaration-of-claims.html, in
 * French) and its bundle of supporting documents (R. 622-23: "joints sous bordereau"): the declaration, the formal
 * notices sent by registered letter about the declared invoices, and the statement of the declared invoices (CSV).
 */
@Component
class ClaimDeclarationDocuments {

    private static final String TEMPLATE = "templates/insolvency/declaration-of-claims.html";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Creditor creditor;
    private final LetterRenderer renderer;
    private final SentLetters letters;
    private final ZoneId zone;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    ClaimDeclarationDocuments(Creditor creditor, LetterRenderer renderer, SentLetters letters, @Value("${recouvra.zone}") ZoneId zone) {
        this.creditor = creditor;
        this.renderer = renderer;
        this.letters = letters;
        this.zone = zone;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setResolvablePatterns(Set.of("templates/insolvency/*"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.addTemplateResolver(resolver);
    }

    byte[] pdf(Declaration declaration, DeclaredProceedings.Facts facts) {
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", creditor);
        model.put("facts", facts);
        model.put("kind", facts.kindLabel());
        model.put("judgmentDate", french(facts.judgmentDate()));
        model.put("publishedOn", french(facts.bodaccPublishedOn()));
        model.put("deadline", french(declaration.deadlines().declaration()));
        model.put("debtorName", declaration.customerName());
        model.put("lines", declaration.lines().stream().map(ClaimDeclarationDocuments::printed).toList());
        model.put("totals", declaration.totals().stream().map(ClaimDeclarationDocuments::printed).toList());
        model.put("total", declaration.totalDisplay());
        model.put("securities", declaration.securities());
        return renderer.pdf(templates.process(TEMPLATE, new Context(Locale.FRENCH, model)));
    }

    private static Map<String, String> printed(Line line) {
        return Map.of("number", line.invoiceNumber(), "issued", french(line.issueDate()), "due", french(line.dueDate()),
                "status", line.fallsDueLater() ? "à échoir" : "échue",
                "principal", AmountDisplay.of(line.principal(), line.currency()),
                "interest", AmountDisplay.of(line.interest(), line.currency()),
                "indemnity", AmountDisplay.of(line.indemnityEur(), "EUR"));
    }

    private static Map<String, String> printed(Totals totals) {
        String c = totals.currency();
        return Map.of("currency", c, "principalDue", AmountDisplay.of(totals.principalDue(), c),
                "interest", AmountDisplay.of(totals.interest(), c), "indemnity", AmountDisplay.of(totals.indemnityEur(), "EUR"),
                "due", AmountDisplay.of(totals.due(), c), "notYetDue", AmountDisplay.of(totals.notYetDue(), c),
                "total", AmountDisplay.of(totals.total(), c));
    }

    byte[] bundle(byte[] declaration, List<Invoice> declared, UUID customerId) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            add(out, "01-declaration-de-creances.pdf", declaration);
            int n = 2;
            for (Invoice invoice : declared) {
                for (SentLetter letter : letters.aboutInvoice(invoice.getId())) {
                    if (letter.isFormalNoticeByPost()) {
                        add(out, String.format("%02d-mise-en-demeure-%s-%s%s.pdf", n++, invoice.getNumber(),
                                LocalDate.ofInstant(letter.sentAt(), zone), letter.delivered() ? "-AR-signe" : ""), letter.pdf());
                    }
                }
            }
            add(out, String.format("%02d-releve-des-factures.csv", n), statement(declared));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the declaration's bundle of customer " + customerId, e);
        }
        return zip.toByteArray();
    }

    /** The declared invoices as the ledger holds them today: number, dates, amounts (VAT included) and what is owed. */
    private static byte[] statement(List<Invoice> declared) {
        StringBuilder csv = new StringBuilder("facture;emise_le;echeance;montant_ttc;montant_ht;tva;reste_du;devise\n");
        for (Invoice i : declared) {
            csv.append(i.getNumber()).append(';').append(i.getIssueDate()).append(';').append(i.getDueDate()).append(';')
                    .append(i.getAmount().toPlainString()).append(';').append(i.getAmountExclVat().toPlainString()).append(';')
                    .append(i.getVat().toPlainString()).append(';').append(i.getOutstanding().toPlainString()).append(';')
                    .append(i.getCurrency()).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static String french(LocalDate day) {
        return day.format(FRENCH_DATE);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

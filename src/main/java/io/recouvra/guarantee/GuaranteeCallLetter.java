package io.recouvra.guarantee;

import io.recouvra.interest.InterestLines;
import io.recouvra.messaging.Creditor;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The call letter to a guarantor or a bank (templates/guarantee/guarantee-call.html), in French: the guarantee, the
 * debtor, the invoice with what was paid and what remains, the sum called with its breakdown ({@link GuaranteeClaim}: the
 * principal, each interest period, the indemnity, what the guarantor does not owe for want of information, the cap), the
 * documents the guarantee requires and the deadline to answer. Every value typed by someone is escaped by the template (th:text).
 */
@Component
class GuaranteeCallLetter {

    private static final String TEMPLATE = "guarantee-call";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);

    private final GuaranteeTemplates templates;
    private final Creditor creditor;

    GuaranteeCallLetter(GuaranteeTemplates templates, Creditor creditor) {
        this.templates = templates;
        this.creditor = creditor;
    }

    /**
     * @param answerWithin how long the guarantor has, from the posting: the letter gives the period, not a day, because
     *                     the day it is posted is the postal service's (and the outbox's contact hours)
     */
    byte[] render(Guarantee guarantee, Invoice invoice, GuaranteeClaim claim, LocalDate calledOn, Period answerWithin,
                  boolean debtorPursuedInCourt) {
        return templates.pdf(TEMPLATE, model(guarantee, invoice, claim, calledOn, answerWithin, debtorPursuedInCourt));
    }

    private Map<String, Object> model(Guarantee guarantee, Invoice invoice, GuaranteeClaim claim, LocalDate calledOn, Period answerWithin,
                                      boolean debtorPursuedInCourt) {
        Customer debtor = invoice.getCustomer();
        String currency = invoice.getCurrency();
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", creditor);
        model.put("firstDemand", guarantee.kind() == GuaranteeKind.FIRST_DEMAND_GUARANTEE);
        model.put("providerName", guarantee.providerName());
        model.put("providerAddressLines", GuaranteeTemplates.lines(guarantee.providerAddress()));
        model.put("reference", guarantee.reference());
        model.put("startsOn", DAY.format(guarantee.startsOn()));
        model.put("endsOn", guarantee.endsOn() == null ? null : DAY.format(guarantee.endsOn()));
        model.put("cap", AmountDisplay.of(guarantee.amount(), currency));
        model.put("reducedTo", guarantee.reducedTo() == null ? null : AmountDisplay.of(guarantee.reducedTo(), currency));
        model.put("paidOut", guarantee.paidOut().signum() == 0 ? null : AmountDisplay.of(guarantee.paidOut(), currency));
        model.put("capLeft", AmountDisplay.of(guarantee.capLeft(), currency));
        model.put("callConditions", guarantee.callConditions());
        model.put("documentsRequired", GuaranteeTemplates.lines(guarantee.documentsRequired()));
        model.put("debtorName", debtor.getLegalName());
        model.put("debtorRegistration", debtor.getRegistrationNumber());
        model.put("debtorAddress", debtor.getAddressLine() + ", " + debtor.getPostalCode() + " " + debtor.getCity());
        model.put("invoiceNumber", invoice.getNumber());
        model.put("issueDate", DAY.format(invoice.getIssueDate()));
        model.put("dueDate", DAY.format(invoice.getDueDate()));
        model.put("invoiceAmount", AmountDisplay.of(invoice.getAmount(), currency));
        model.put("invoicePaid", AmountDisplay.of(invoice.getAmount().subtract(invoice.getOutstanding()), currency));
        model.put("outstanding", AmountDisplay.of(invoice.getOutstanding(), currency));
        model.put("claimed", AmountDisplay.of(claim.total(), currency));
        model.put("claimedIsCapped", claim.capped());
        model.put("breakdown", breakdown(claim, invoice.getNumber()));
        model.put("owed", AmountDisplay.of(claim.owed(), currency));
        model.put("withAccessories", claim.withAccessories());
        model.put("principalOnly", claim.kind() == GuaranteeKind.PERSONAL_GUARANTEE && !claim.withAccessories());
        // the deed's terms, as the guarantor signed them: "caution solidaire" or "caution simple" (art. 2290)
        model.put("solidarity", guarantee.kind() != GuaranteeKind.PERSONAL_GUARANTEE ? null
                : guarantee.jointlyAndSeverallyBound() ? "solidaire" : "simple");
        model.put("debtorPursuedInCourt", guarantee.kind() == GuaranteeKind.PERSONAL_GUARANTEE && !guarantee.jointlyAndSeverallyBound()
                && debtorPursuedInCourt);
        model.put("forfeitures", claim.forfeitures().stream().map(GuaranteeCallLetter::forfeiture).toList());
        model.put("calledOn", DAY.format(calledOn));
        model.put("answerWithin", inFrench(answerWithin));
        return model;
    }

    /**
     * The lines of the sum called, each {label, amount}: the principal; for a personal guarantee each interest period,
     * the indemnity and, when the guarantor was left uninformed, the interest and indemnity it does not owe (negative).
     */
    static List<Map<String, String>> breakdown(GuaranteeClaim claim, String invoiceNumber) {
        String currency = claim.currency();
        List<Map<String, String>> lines = new ArrayList<>();
        lines.add(line("Principal restant dû sur la facture " + invoiceNumber, AmountDisplay.of(claim.principal(), currency)));
        if (!claim.withAccessories()) {
            return lines;
        }
        for (Map<String, String> period : InterestLines.of(claim.periods(), currency, Locale.FRENCH)) {
            lines.add(line("Intérêts de retard du " + period.get("from") + " au " + period.get("to") + " : " + period.get("days")
                    + " jours sur " + period.get("base") + " au taux annuel de " + period.get("rate")
                    + (period.get("rateNote").isEmpty() ? "" : " (" + period.get("rateNote") + ")"), period.get("amount")));
        }
        if (claim.indemnityEur().signum() > 0) {
            lines.add(line("Indemnité forfaitaire pour frais de recouvrement (article D. 441-5 du Code de commerce)",
                    AmountDisplay.of(claim.indemnityEur(), "EUR")));
        }
        if (claim.forfeitedInterest().signum() > 0) {
            lines.add(line("Déduction des intérêts dont la caution est déchargée faute d'information (ci-dessous)",
                    "- " + AmountDisplay.of(claim.forfeitedInterest(), currency)));
        }
        if (claim.forfeitedIndemnityEur().signum() > 0) {
            lines.add(line("Déduction de l'indemnité forfaitaire, échue pendant cette période",
                    "- " + AmountDisplay.of(claim.forfeitedIndemnityEur(), "EUR")));
        }
        return lines;
    }

    /** One forfeiture as the letter states it, in words: the rule and the days. */
    private static String forfeiture(GuaranteeClaim.Forfeiture forfeiture) {
        String days = "du " + DAY.format(forfeiture.after().plusDays(1)) + " au " + DAY.format(forfeiture.until());
        return forfeiture.rule() == GuaranteeClaim.Rule.ANNUAL_INFORMATION
                ? "article 2302 du Code civil (information annuelle de la caution non donnée avant le 31 mars) : intérêts et pénalités échus "
                        + days
                : "article 2303 du Code civil (premier incident de paiement non régularisé dans le mois de l'exigibilité, non porté "
                        + "à votre connaissance dès ce moment) : intérêts et pénalités échus " + days;
    }

    private static Map<String, String> line(String label, String amount) {
        Map<String, String> line = new HashMap<>();
        line.put("label", label);
        line.put("amount", amount);
        return line;
    }

    /** "15 jours", "1 mois", "1 mois et 10 jours". */
    static String inFrench(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " an" : " ans"));
        }
        if (period.getMonths() > 0) {
            parts.add(period.getMonths() + " mois");
        }
        if (period.getDays() > 0) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " jour" : " jours"));
        }
        return String.join(" et ", parts);
    }

}

package io.recouvra.guarantee;

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
 * debtor, the invoice with what was paid and what remains, the amount claimed within the cap, the documents the
 * guarantee requires and the deadline to answer. Every value typed by someone is escaped by the template (th:text).
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
    byte[] render(Guarantee guarantee, Invoice invoice, BigDecimal claimed, LocalDate calledOn, Period answerWithin) {
        return templates.pdf(TEMPLATE, model(guarantee, invoice, claimed, calledOn, answerWithin));
    }

    private Map<String, Object> model(Guarantee guarantee, Invoice invoice, BigDecimal claimed, LocalDate calledOn, Period answerWithin) {
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
        model.put("claimed", AmountDisplay.of(claimed, currency));
        model.put("claimedIsCapped", claimed.compareTo(invoice.getOutstanding()) < 0);
        model.put("calledOn", DAY.format(calledOn));
        model.put("answerWithin", inFrench(answerWithin));
        return model;
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

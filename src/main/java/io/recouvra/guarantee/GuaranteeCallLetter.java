package io.recouvra.guarantee;

import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.LetterRenderer;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.Invoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The call letter to a guarantor or a bank (templates/guarantee/guarantee-call.html), in French: the guarantee, the
 * debtor, the invoice with what was paid and what remains, the amount claimed within the cap, the documents the
 * guarantee requires and the deadline to answer. Every value typed by someone is escaped by the template (th:text).
 */
@Component
class GuaranteeCallLetter {

    private static final String TEMPLATE = "templates/guarantee/guarantee-call.html";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);

    private final LetterRenderer renderer;
    private final Creditor creditor;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    GuaranteeCallLetter(LetterRenderer renderer, Creditor creditor) {
        this.renderer = renderer;
        this.creditor = creditor;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setResolvablePatterns(Set.of("templates/guarantee/*"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.addTemplateResolver(resolver);
    }

    byte[] render(Guarantee guarantee, Invoice invoice, BigDecimal claimed, LocalDate calledOn, LocalDate answerDueOn) {
        return renderer.pdf(xhtml(guarantee, invoice, claimed, calledOn, answerDueOn));
    }

    String xhtml(Guarantee guarantee, Invoice invoice, BigDecimal claimed, LocalDate calledOn, LocalDate answerDueOn) {
        Customer debtor = invoice.getCustomer();
        String currency = invoice.getCurrency();
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", creditor);
        model.put("firstDemand", guarantee.kind() == GuaranteeKind.FIRST_DEMAND_GUARANTEE);
        model.put("providerName", guarantee.providerName());
        model.put("providerAddressLines", lines(guarantee.providerAddress()));
        model.put("reference", guarantee.reference());
        model.put("startsOn", DAY.format(guarantee.startsOn()));
        model.put("endsOn", guarantee.endsOn() == null ? null : DAY.format(guarantee.endsOn()));
        model.put("cap", AmountDisplay.of(guarantee.amount(), currency));
        model.put("reducedTo", guarantee.reducedTo() == null ? null : AmountDisplay.of(guarantee.reducedTo(), currency));
        model.put("paidOut", guarantee.paidOut().signum() == 0 ? null : AmountDisplay.of(guarantee.paidOut(), currency));
        model.put("capLeft", AmountDisplay.of(guarantee.capLeft(), currency));
        model.put("callConditions", guarantee.callConditions());
        model.put("documentsRequired", lines(guarantee.documentsRequired()));
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
        model.put("answerDueOn", DAY.format(answerDueOn));
        return templates.process(TEMPLATE, new Context(Locale.FRENCH, model));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}

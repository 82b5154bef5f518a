package io.recouvra.messaging;

import io.recouvra.receivables.Contact;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns an outbox row into the message a debtor will read, from the ledger as it is at send time. */
@Component
class MessageComposer {

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MessageTemplates templates;
    private final PortalLinks portalLinks;
    private final Creditor creditor;
    private final Clock clock;

    MessageComposer(CustomerService customers, InvoiceService invoices, MessageTemplates templates,
                    PortalLinks portalLinks, Creditor creditor, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.templates = templates;
        this.portalLinks = portalLinks;
        this.creditor = creditor;
        this.clock = clock;
    }

    /** Empty when the customer has no contact reachable on the message's channel. */
    @Transactional(readOnly = true)
    Optional<OutboundMessage> compose(OutboxMessage row) {
        Customer customer = customers.get(row.getCustomerId());
        Optional<Contact> contact = contactFor(customer, row.getChannel());
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        Invoice invoice = row.getInvoiceId() == null ? null : invoices.get(row.getInvoiceId());
        String language = templates.languageFor(row.getKind(), customer.getLanguage());
        Locale locale = new Locale(language, customer.getCountry());
        Map<String, Object> model = model(row, customer, contact.get(), invoice, locale);
        return Optional.of(switch (row.getChannel()) {
            case EMAIL -> new OutboundMessage(row.getId(), Channel.EMAIL, contact.get().getEmail(),
                    templates.render(row.getKind(), "subject", language, "txt", model),
                    templates.render(row.getKind(), "email", language, "txt", model),
                    templates.render(row.getKind(), "email", language, "html", model));
            case SMS -> new OutboundMessage(row.getId(), Channel.SMS, contact.get().getPhone(), null,
                    Sms.plain(templates.render(row.getKind(), "sms", language, "txt", model)), null);
            case LETTER -> throw new UnsupportedOperationException("registered letters are not composed yet");
        });
    }

    private static Optional<Contact> contactFor(Customer customer, Channel channel) {
        Predicate<Contact> reachable = switch (channel) {
            case EMAIL -> c -> c.isEmailConsent() && c.getEmail() != null;
            case SMS -> c -> c.isSmsConsent() && c.getPhone() != null;
            case LETTER -> c -> true;
        };
        return customer.getContacts().stream().filter(reachable).findFirst();
    }

    private Map<String, Object> model(OutboxMessage row, Customer customer, Contact contact, Invoice invoice,
                                      Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", creditor);
        model.put("tone", row.getTone().name());
        model.put("customerName", customer.getLegalName());
        model.put("contactName", contact.getName());
        if (invoice != null) {
            LocalDate today = LocalDate.now(clock.withZone(customer.getTimeZone()));
            model.put("invoiceNumber", invoice.getNumber());
            model.put("amount", money(invoice.getAmount(), invoice.getCurrency(), locale));
            model.put("outstanding", money(invoice.getOutstanding(), invoice.getCurrency(), locale));
            model.put("dueDate", invoice.getDueDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
            model.put("daysToDueDate", ChronoUnit.DAYS.between(today, invoice.getDueDate()));
            model.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(invoice.getDueDate(), today)));
            model.put("portalLink", portalLinks.invoice(invoice.getNumber()));
        }
        return model;
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}

package io.recouvra.messaging.composition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.CreditorIdentity;
import io.recouvra.messaging.LetterRenderer;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.PortalLinks;
import io.recouvra.messaging.channel.OutboundMessage;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the message a debtor will read, from the ledger as it is at send time. */
@Component
public class MessageComposer {

    private static final String INTEREST_PERIODS = "interestPeriods";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MessageTemplates templates;
    private final LetterRenderer letters;
    private final PortalLinks portalLinks;
    private final Creditor creditor;
    private final CreditorIdentity creditorIdentity;
    private final PreparedLetters preparedLetters;
    private final Clock clock;

    MessageComposer(CustomerService customers, InvoiceService invoices, MessageTemplates templates,
                    LetterRenderer letters, PortalLinks portalLinks, Creditor creditor,
                    CreditorIdentity creditorIdentity, PreparedLetters preparedLetters, Clock clock) {
        this.preparedLetters = preparedLetters;
        this.customers = customers;
        this.invoices = invoices;
        this.templates = templates;
        this.letters = letters;
        this.portalLinks = portalLinks;
        this.creditor = creditor;
        this.creditorIdentity = creditorIdentity;
        this.clock = clock;
    }

    /**
     * One message to one customer on one channel: a single reminder, or one grouped reminder about
     * several invoices. Empty when the customer has no contact reachable on that channel. A letter another feature
     * wrote ({@link MessageKind#isPrepared()}) is sent as it was handed over.
     */
    @Transactional(readOnly = true)
    public Optional<OutboundMessage> compose(MessageToCompose message) {
        if (message.kind().isPrepared()) {
            // written by its feature, to its own recipient: sent as handed over
            return preparedLetters.of(message.id());
        }
        Customer customer = customers.get(message.customerId());
        Optional<Contact> contact = contactFor(customer, message.channel());
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        // a grouped reminder's invoices read in one statement, listed in the rows' order by due date
        Map<UUID, Invoice> read = message.invoiceIds().isEmpty() ? Map.of() : invoices.get(message.invoiceIds()).stream()
                .collect(Collectors.toMap(Invoice::getId, invoice -> invoice));
        List<Invoice> invoiceList = message.invoiceIds().stream().map(read::get)
                .sorted(Comparator.comparing(Invoice::getDueDate)).toList();
        String language = templates.languageFor(message.kind(), customer.getLanguage());
        Locale locale = new Locale(language, customer.getCountry());
        Map<String, Object> model = model(message, customer, contact.get(), invoiceList, locale);
        MessageKind kind = message.kind();
        boolean withLetter = message.channel() == Channel.LETTER
                || message.channel() == Channel.EMAIL && kind.attachesLetterToEmail();
        byte[] letter = withLetter ? letters.pdf(templates.render(kind, "letter", language, "html", model)) : null;
        return Optional.of(switch (message.channel()) {
            case EMAIL -> new OutboundMessage(message.id(), Channel.EMAIL, contact.get().getEmail(),
                    templates.render(kind, "subject", language, "txt", model),
                    templates.render(kind, "email", language, "txt", model),
                    templates.render(kind, "email", language, "html", model), letter);
            case SMS -> new OutboundMessage(message.id(), Channel.SMS, contact.get().getPhone(), null,
                    Sms.plain(templates.render(kind, "sms", language, "txt", model)), null);
            case LETTER -> new OutboundMessage(message.id(), Channel.LETTER,
                    postalAddress(customer), templates.render(kind, "subject", language, "txt", model),
                    templates.render(kind, "email", language, "txt", model), null, letter);
        });
    }

    private static String postalAddress(Customer customer) {
        return String.join("\n", customer.getLegalName(), customer.getAddressLine(),
                customer.getPostalCode() + " " + customer.getCity(), customer.getCountry());
    }

    private static Optional<Contact> contactFor(Customer customer, Channel channel) {
        Predicate<Contact> reachable = switch (channel) {
            case EMAIL -> c -> c.isEmailConsent() && c.getEmail() != null;
            case SMS -> c -> c.isSmsConsent() && c.getPhone() != null;
            // a letter goes to the company's registered address, to the attention of this contact
            case LETTER -> c -> customer.getAddressLine() != null && customer.getPostalCode() != null
                    && customer.getCity() != null;
        };
        return customer.getContacts().stream().filter(reachable).findFirst();
    }

    private Map<String, Object> model(MessageToCompose message, Customer customer, Contact contact,
                                      List<Invoice> invoiceList, Locale locale) {
        Map<String, Object> model = new HashMap<>(message.parameters());
        model.put(INTEREST_PERIODS, interestPeriods(message.parameters().get(INTEREST_PERIODS)));
        model.put("creditor", creditor);
        model.put("creditorIdentity", creditorIdentity);
        model.put("tone", message.tone().name());
        model.put("customerName", customer.getLegalName());
        model.put("contactName", contact.getName());
        model.put("customerAddress", customer.getAddressLine());
        model.put("customerPostalCode", customer.getPostalCode());
        model.put("customerCity", customer.getCity());
        model.put("invoiceCount", invoiceList.size());
        LocalDate today = LocalDate.now(clock.withZone(customer.getTimeZone()));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        // a formal notice carries the date its figures were taken on; other letters are dated when written
        model.putIfAbsent("letterDate", today.format(dates));
        putEarlyPaymentDiscounts(model, message, invoiceList, today, locale, dates);
        if (invoiceList.isEmpty()) {
            return model;
        }
        List<Map<String, Object>> lines = invoiceList.stream().map(invoice -> Map.<String, Object>of(
                "number", invoice.getNumber(),
                "outstanding", money(invoice.getOutstanding(), invoice.getCurrency(), locale),
                "dueDate", invoice.getDueDate().format(dates),
                "daysOverdue", Math.max(0, ChronoUnit.DAYS.between(invoice.getDueDate(), today)))).toList();
        model.put("invoices", lines);
        // The oldest invoice speaks for a grouped message in the sentences written for one invoice.
        Invoice oldest = invoiceList.get(0);
        model.put("invoiceNumber", invoiceList.stream().map(Invoice::getNumber).collect(Collectors.joining(", ")));
        model.put("amount", money(oldest.getAmount(), oldest.getCurrency(), locale));
        // One total per currency: euros and dollars do not add up.
        model.put("outstanding", invoiceList.stream().collect(Collectors.groupingBy(Invoice::getCurrency, TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, Invoice::getOutstanding, BigDecimal::add)))
                .entrySet().stream().map(total -> money(total.getValue(), total.getKey(), locale))
                .collect(Collectors.joining(" + ")));
        model.put("dueDate", oldest.getDueDate().format(dates));
        model.put("daysToDueDate", ChronoUnit.DAYS.between(today, oldest.getDueDate()));
        model.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(oldest.getDueDate(), today)));
        // none while the portal is off: the templates then show the bank details and how to answer
        (invoiceList.size() == 1 ? portalLinks.invoice(customer.getId(), oldest.getNumber()) : portalLinks.customer(customer.getId()))
                .ifPresent(link -> model.put("portalLink", link));
        return model;
    }

    /**
     * The early-payment discount: {@code discountTerms}, the terms of each invoice that has one (rate and last
     * day), which every reminder states as the invoice had to (art. L441-9 C. com.), with
     * {@code withoutDiscount}, how many have none; and on a pre-due reminder whose strategy offers it,
     * {@code discountOffers}: what settles each invoice if paid today, against what is owed without the discount.
     */
    private static void putEarlyPaymentDiscounts(Map<String, Object> model, MessageToCompose message, List<Invoice> invoiceList,
                                                 LocalDate today, Locale locale, DateTimeFormatter dates) {
        DateTimeFormatter days = "fr".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("dd/MM/yyyy") : dates;
        boolean offered = message.kind() == MessageKind.PRE_DUE_REMINDER
                && !Messages.NO_DISCOUNT_OFFER.equals(message.parameters().get(Messages.DISCOUNT_OFFER));
        List<Map<String, Object>> terms = new ArrayList<>();
        List<Map<String, Object>> offers = new ArrayList<>();
        for (Invoice invoice : invoiceList) {
            invoice.earlyPaymentDiscount().ifPresent(discount -> {
                Map<String, Object> line = Map.of("number", invoice.getNumber(), "rate", percent(discount.rate(), locale),
                        "until", discount.until().format(days));
                terms.add(line);
                if (offered) {
                    invoice.discountedAmountOn(today).ifPresent(toPay -> {
                        Map<String, Object> offer = new HashMap<>(line);
                        offer.put("discounted", money(toPay, invoice.getCurrency(), locale));
                        offer.put("full", money(invoice.getOutstanding(), invoice.getCurrency(), locale));
                        offers.add(offer);
                    });
                }
            });
        }
        model.put("discountTerms", terms);
        model.put("withoutDiscount", invoiceList.size() - terms.size());
        model.put("discountOffers", offers);
    }

    /** "2,00 %" in French, "2.00%" in English. */
    static String percent(BigDecimal rate, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(rate) + ("fr".equals(locale.getLanguage()) ? "\u00A0%" : "%");
    }

    /** The interest lines a formal notice was decided with (JSON, see {@code InterestLines}); none otherwise. */
    private static List<Map<String, String>> interestPeriods(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + INTEREST_PERIODS + " parameter", e);
        }
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}

package io.recouvra.demo;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.receivables.RegistrationNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code RECOUVRA_DEMO=true}: on a first start with an empty ledger, a small portfolio a newcomer can
 * explore — twelve French customers and a German one, three dozen invoices from long overdue to not yet
 * due, a few partly paid, at the standard rate, a reduced rate (the bookshop's books at 5.5 %) and without
 * VAT (the German customer's intra-EU supply) — registered through the same services as the API, so their
 * processes run for real.
 */
@Component
@ConditionalOnProperty(name = "recouvra.demo", havingValue = "true")
// not in a command-line import: that run registers the file's invoices and nothing else
@ConditionalOnWebApplication
class DemoPortfolio {

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

    private static final List<String[]> CUSTOMERS = List.of(
            new String[] {"Boulangeries Martin SAS", "Lyon", "+33478000001"},
            new String[] {"Transports Lefèvre SARL", "Rouen", "+33235000002"},
            new String[] {"Atelier Moreau & Fils", "Nantes", "+33240000003"},
            new String[] {"Clinique Vétérinaire du Parc", "Bordeaux", "+33556000004"},
            new String[] {"Garage Dubois Automobiles", "Lille", "+33320000005"},
            new String[] {"Hôtel Les Tilleuls", "Annecy", "+33450000006"},
            new String[] {"Imprimerie Roux", "Toulouse", "+33561000007"},
            new String[] {"Bâtiment Fournier SA", "Marseille", "+33491000008"},
            new String[] {"Pharmacie Girard", "Strasbourg", "+33388000009"},
            new String[] {"Menuiserie Bonnet", "Rennes", "+33299000010"},
            new String[] {"Librairie Mercier", "Montpellier", "+33467000011"},
            new String[] {"Traiteur Lambert Événements", "Nice", "+33493000012"});

    /** Due dates relative to today: from long overdue to due next month. */
    private static final int[] DUE_IN_DAYS = {-75, -40, -12, 5, 21, 45};

    private static final BigDecimal STANDARD_RATE = new BigDecimal("20");
    /** Books (CGI art. 278-0 bis): what the demo sells the bookshop. */
    private static final BigDecimal BOOKS_RATE = new BigDecimal("5.5");
    private static final int BOOKSHOP = 10;

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final Clock clock;

    DemoPortfolio(CustomerService customers, InvoiceService invoices, PaymentService payments, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void loadOnFirstStart() {
        if (!customers.list(null, Pageable.ofSize(1)).isEmpty()) {
            return;
        }
        Random random = new Random(42);
        LocalDate today = LocalDate.now(clock);
        int invoiceCount = 0;
        for (int c = 0; c < CUSTOMERS.size(); c++) {
            String[] data = CUSTOMERS.get(c);
            String slug = data[0].toLowerCase().replaceAll("[^a-z]", "").substring(0, 8);
            Customer customer = customers.register(new NewCustomer(data[0], RegistrationNumbers.sirenFrom(String.valueOf(10_000_000 + c * 7_919)), "FR", "fr",
                    "Europe/Paris", (c + 1) + " rue de la République", "690" + String.format("%02d", c), data[1],
                    List.of(new NewCustomer.NewContact("Service comptabilité", "Accounts payable",
                            "compta@" + slug + ".example", data[2], true, true, true)), customerType(c)));
            for (int i = 0; i < 3; i++) {
                int dueIn = DUE_IN_DAYS[(c + i * 2) % DUE_IN_DAYS.length];
                LocalDate due = today.plusDays(dueIn);
                BigDecimal amountExclVat = BigDecimal.valueOf(250 + random.nextInt(19_750)).add(new BigDecimal("0.50"));
                BigDecimal vat = amountExclVat.multiply(c == BOOKSHOP ? BOOKS_RATE : STANDARD_RATE)
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                String number = "DEMO-" + today.getYear() + "-" + String.format("%04d", ++invoiceCount);
                // invoices due in 45 days reward payment within 15 days of issue: 2 % early-payment discount
                boolean discounted = dueIn == 45;
                invoices.register(new NewInvoice(number, customer.getId(), null, due.minusDays(30), due, amountExclVat.add(vat), "EUR",
                        null, amountExclVat, vat, discounted ? new BigDecimal("2.00") : null, discounted ? due.minusDays(15) : null));
            }
            if (c % 4 == 1) {
                payments.register(new NewPayment(customer.getId(), new BigDecimal("500.00"), "EUR", today.minusDays(2),
                        "DEMO-VIR-" + c, null));
            }
        }
        // an intra-EU supply of goods to a German company: exempt in France (CGI art. 262 ter, I-1°), the buyer
        // accounts for the VAT in Germany, so the 1,200.00 EUR due is all price and no VAT
        Customer german = customers.register(new NewCustomer("Brauerei Hoffmann GmbH", "DE811907980", "DE", "en", "Europe/Berlin",
                "Hauptstraße 7", "10115", "Berlin", List.of(new NewCustomer.NewContact("Buchhaltung", "Accounts payable",
                "buchhaltung@brauerei-hoffmann.example", "+49301234567", true, false, false)), "STANDARD"));
        LocalDate due = today.minusDays(40);
        invoices.register(new NewInvoice("DEMO-" + today.getYear() + "-" + String.format("%04d", ++invoiceCount), german.getId(), null,
                due.minusDays(30), due, new BigDecimal("1200.00"), "EUR", null, new BigDecimal("1200.00"), BigDecimal.ZERO));
        log.info("Demo portfolio loaded: {} customers, {} invoices", CUSTOMERS.size() + 1, invoiceCount);
    }

    /** A few key accounts (their collector call comes after the first reminder) and one public body. */
    private static String customerType(int c) {
        return c == 8 ? "PUBLIC_SECTOR" : c % 4 == 0 ? "KEY_ACCOUNT" : "STANDARD";
    }
}

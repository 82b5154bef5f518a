package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Portfolio page counts apart what is frozen by insolvency proceedings: "En procédure collective" per currency,
 * with its drill-down and CSV. The ledger is in TRY, a currency no other test uses, so that the whole book's TRY
 * figures are this ledger's. Worked by hand, {@code d} being today; receivership opened for Scierie by the judgment
 * of d-20:
 * <pre>
 * Scierie   issued d-60, due d-30   1 500.00                              born before the judgment: frozen
 *           issued d-40, due d-10     900.00 − 400.00 paid on d-25 = 500.00 born before the judgment: frozen
 *           issued d-5,  due d+25     700.00                              born after it: collected as usual
 * Tonnellerie (no proceedings)
 *           issued d-50, due d-20   2 000.00
 *
 * outstanding 1 500.00 + 500.00 + 700.00 + 2 000.00 = 4 700.00
 * in insolvency proceedings 1 500.00 + 500.00 = 2 000.00 (2 invoices)
 * </pre>
 */
@RecouvraTest
class InsolvencyFigureTest {

    private static final Pattern FIGURE = Pattern.compile("data-figure=\"insolvency\"[^>]*>([^<]+)<");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    Clock clock;

    String manager;
    /** The known ledger, registered once for the class (the database outlives each test). */
    static String frozenOldest;
    static String frozenPartlyPaid;
    static String bornAfter;
    static String otherCustomers;

    @BeforeEach
    void knownLedger() {
        manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);
        if (frozenOldest != null) {
            return;
        }
        LocalDate d = LocalDate.now(clock);
        UUID scierie = customer("Scierie Ionescu SRL");
        frozenOldest = invoice(scierie, d.minusDays(60), d.minusDays(30), "1500.00");
        frozenPartlyPaid = invoice(scierie, d.minusDays(40), d.minusDays(10), "900.00");
        payments.register(new NewPayment(scierie, new BigDecimal("400.00"), "TRY", d.minusDays(25), "VIR-" + UUID.randomUUID(),
                List.of(new NewPayment.Allocation(frozenPartlyPaid, new BigDecimal("400.00")))));
        proceedings.report(scierie, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, d.minusDays(20), "Tribunal de commerce de Paris",
                "Maître Paul Lenoir", "3 rue de Rivoli, 75004 Paris", null, null, ReportedBy.PERSON, false));
        bornAfter = invoice(scierie, d.minusDays(5), d.plusDays(25), "700.00");
        otherCustomers = invoice(customer("Tonnellerie Popescu SRL"), d.minusDays(50), d.minusDays(20), "2000.00");
    }

    @Test
    void thePortfolioShowsWhatIsInInsolvencyProceedingsApartFromTheOutstanding() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        String page = browser.get("/dashboard/portfolio").body();

        String lira = page.substring(page.indexOf("data-currency=\"TRY\""));
        lira = lira.substring(0, lira.indexOf("</dl>"));
        assertThat(plain(lira)).contains(">4 700,00 TRY<", "En procédure collective",
                "2 factures nées avant le jugement d'ouverture, déclarées et payables seulement dans la procédure (déjà dans l'encours)");
        Matcher figure = FIGURE.matcher(lira);
        assertThat(figure.find()).isTrue();
        assertThat(plain(figure.group(1))).isEqualTo("2 000,00 TRY");
        assertThat(lira).contains("/dashboard/portfolio/invoices?currency=TRY&amp;bucket=insolvency");
    }

    @Test
    void itsDrillDownListsTheFrozenInvoicesOnlyAndItsCsvToo() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        String list = browser.get("/dashboard/portfolio/invoices?currency=TRY&bucket=insolvency").body();
        assertThat(plain(list)).contains("en procédure collective", "2 factures", frozenOldest, frozenPartlyPaid)
                .doesNotContain(bornAfter).doesNotContain(otherCustomers);

        String csv = browser.get("/dashboard/portfolio/invoices.csv?currency=TRY&bucket=insolvency").body();
        assertThat(csv).contains(frozenOldest + ";Scierie Ionescu SRL;").contains(";TRY;1500,00;1500,00;")
                .contains(frozenPartlyPaid + ";Scierie Ionescu SRL;").contains(";TRY;900,00;500,00;PARTIALLY_PAID\r\n")
                .doesNotContain(bornAfter).doesNotContain(otherCustomers);
    }

    @Test
    void aCurrencyWithNothingFrozenShowsNoSuchFigure() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);
        LocalDate d = LocalDate.now(clock);
        invoice(customer("Bodega Sin Procedimiento SL"), d.minusDays(30), d, "10.00", "BGN");

        String page = browser.get("/dashboard/portfolio").body();

        String bgn = page.substring(page.indexOf("data-currency=\"BGN\""));
        assertThat(bgn.substring(0, bgn.indexOf("</dl>"))).doesNotContain("data-figure=\"insolvency\"");
    }

    private static String plain(String html) {
        return html.replace('\u00a0', ' ').replace('\u202f', ' ').replace("&#39;", "'");
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private String invoice(UUID customer, LocalDate issued, LocalDate due, String amount) {
        return invoice(customer, issued, due, amount, "TRY");
    }

    private String invoice(UUID customer, LocalDate issued, LocalDate due, String amount, String currency) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, due, new BigDecimal(amount), currency));
        return number;
    }
}

package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.guarantee.GuaranteeKind;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.guarantee.NewGuarantee;
import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The "Garanties" section of "Ce que vous devez", over HTTP on the real application. The day is Wednesday
 * 25 November 2026. The customer owes invoice "joinery" (4 800.00, issued 2 November) against which it paid a deposit
 * of 1 500.00 on 2 November 2026, and invoice "timber" (2 300.00, issued 6 November) whose goods are under a
 * retention-of-title clause; its manager, Jean Martin, stood personal guarantor for 10 000.00 with the handwritten
 * mention. The debtor sees the deposit and the clause, written in its language (1 500,00 € and "2 nov. 2026" in French,
 * €1,500.00 and "2 Nov 2026" in English), and nothing of the personal guarantee: neither the guarantor nor its cap.
 */
@PortalTest
class GuaranteesOnThePortalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    TestRestTemplate http;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Guarantees guarantees;
    @Autowired
    Creditor creditor;

    @BeforeEach
    void today() {
        EngineClock.moveTo(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDebtorSeesItsDepositAndItsRetentionOfTitleButNeverItsGuarantor() {
        UUID customer = customer("Menuiserie Martin SARL");
        String joinery = invoice(customer, LocalDate.of(2026, 11, 2), "4800.00");
        String timber = invoice(customer, LocalDate.of(2026, 11, 6), "2300.00");
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.DEPOSIT, joinery, null, null, null, new BigDecimal("1500.00"),
                "EUR", LocalDate.of(2026, 11, 2), null, null, null, null, null, null, null, null, null));
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.RETENTION_OF_TITLE, timber, null, null, null,
                new BigDecimal("2300.00"), "EUR", LocalDate.of(2026, 11, 6), null, null, null, null, null, null, null, null, null));
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.PERSONAL_GUARANTEE, null, "Jean Martin",
                "12 rue des Tanneurs\n69005 Lyon", true, new BigDecimal("10000.00"), "EUR", LocalDate.of(2026, 10, 1), null,
                "CAU-77", null, null, true, null, null, true, null));
        String token = tokens.issue(customer, Purpose.VIEW);

        String french = readable(http.getForObject("/portal/" + token, String.class));
        assertThat(lines(section(french))).containsExactly(
                "Acompte de 1 500,00 € versé le 2 nov. 2026, sur la facture " + joinery,
                "Réserve de propriété sur la facture " + timber + " : les marchandises restent la propriété de " + creditor.name()
                        + " jusqu&#39;à leur complet paiement");
        assertThat(section(french)).contains("<h2 id=\"guarantees-title\">Garanties</h2>");
        assertThat(french).as("a third party's guarantee is not the debtor's to see")
                .doesNotContain("Jean Martin", "Tanneurs", "CAU-77", "10 000,00", "caution");

        String english = readable(http.getForObject("/portal/" + token + "?lang=en", String.class));
        assertThat(lines(section(english))).containsExactly(
                "Deposit of €1,500.00 paid on 2 Nov 2026, against invoice " + joinery,
                "Retention of title on invoice " + timber + ": the goods remain the property of " + creditor.name()
                        + " until paid in full");
        assertThat(english).doesNotContain("Jean Martin", "10,000.00");
    }

    @Test
    void aDepositOnTheWholeAccountNamesNoInvoice() {
        UUID customer = customer("Garage Serein");
        invoice(customer, LocalDate.of(2026, 11, 2), "900.00");
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.DEPOSIT, null, null, null, null, new BigDecimal("1500.00"),
                "EUR", LocalDate.of(2026, 11, 3), null, null, null, null, null, null, null, null, null));

        assertThat(lines(section(readable(http.getForObject("/portal/" + tokens.issue(customer, Purpose.VIEW), String.class)))))
                .containsExactly("Acompte de 1 500,00 € versé le 3 nov. 2026");
    }

    @Test
    void noSectionWhenTheDebtorGaveNoGuaranteeOfItsOwn() {
        UUID customer = customer("Boulangerie Levain");
        invoice(customer, LocalDate.of(2026, 11, 2), "600.00");
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.FIRST_DEMAND_GUARANTEE, null, "Banque Rhodanienne",
                "1 place Bellecour\n69002 Lyon", null, new BigDecimal("5000.00"), "EUR", LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 9, 30), "GAPD-1", "Demande écrite", null, null, null, null, null, null));

        String page = http.getForObject("/portal/" + tokens.issue(customer, Purpose.VIEW), String.class);
        assertThat(page).doesNotContain("id=\"guarantees\"", "Garanties", "Banque Rhodanienne");
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "4 quai Perrache", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
    }

    private String invoice(UUID customer, LocalDate issued, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, issued.plusDays(30), new BigDecimal(amount), "EUR"));
        return number;
    }

    /** The page with the no-break spaces of French amounts as plain spaces, so that the lines read as written here. */
    private static String readable(String page) {
        return page.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String section(String page) {
        int from = page.indexOf("<section id=\"guarantees\"");
        assertThat(from).as("the guarantees section").isNotNegative();
        return page.substring(from, page.indexOf("</section>", from));
    }

    private static List<String> lines(String section) {
        Matcher item = Pattern.compile("<li class=\"guarantee\">([^<]*)</li>").matcher(section);
        return item.results().map(match -> match.group(1)).toList();
    }
}

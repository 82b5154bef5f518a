package io.recouvra.guarantee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.engine.TeamLanguage;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register through the API, the secured and unsecured exposure, and the expiry warnings, on the real application. */
@RecouvraTest
class GuaranteesTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Guarantees guarantees;
    @Autowired
    GuaranteeCover cover;
    @Autowired
    GuaranteeExpiryWarnings warnings;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InteractionLog interactions;
    @Autowired
    GuaranteeSettings settings;
    @Autowired
    Clock clock;
    @Value("${recouvra.zone}")
    ZoneId zone;

    @BeforeEach
    void today() {
        EngineClock.moveTo(TODAY);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsStored() {
        UUID customer = customer();

        ResponseEntity<JsonNode> refused = post(customer, Map.of("kind", "FIRST_DEMAND_GUARANTEE", "amount", "-5", "currency", "euro",
                "startsOn", "2026-01-01", "reducedTo", "100"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("amount", "currency", "providerName", "providerAddress", "endsOn", "callConditions", "reducedTo");

        ResponseEntity<JsonNode> noInvoice = post(customer, Map.of("kind", "RETENTION_OF_TITLE", "amount", "500.00", "currency", "EUR",
                "startsOn", "2026-01-01"));
        assertThat(noInvoice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noInvoice.getBody().get("errors").get(0).get("field").asText()).isEqualTo("invoiceNumber");

        String othersInvoice = invoice(customer(), "100.00");
        ResponseEntity<JsonNode> foreign = post(customer, Map.of("kind", "DEPOSIT", "amount", "50.00", "currency", "EUR",
                "startsOn", "2026-01-01", "invoiceNumber", othersInvoice));
        assertThat(foreign.getBody().get("errors").get(0).get("reason").asText()).isEqualTo("is not an invoice of this customer");

        ResponseEntity<JsonNode> unknownKind = post(customer, Map.of("kind", "BOND", "amount", "50.00", "currency", "EUR",
                "startsOn", "2026-01-01"));
        assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownKind.getBody().get("errors").get(0).get("field").asText()).isEqualTo("kind");

        // a personal guarantee says whether it is joint and several (art. 2290, 2305 C. civ.); only it may say so, or be
        // limited to the principal (art. 2295)
        Map<String, Object> unsaid = personal("Jean Dupont", "4000.00", "2026-01-01", null);
        unsaid.remove("jointAndSeveral");
        unsaid.put("annualInformationOn", "2025-12-31");
        ResponseEntity<JsonNode> noSolidarity = post(customer, unsaid);
        assertThat(noSolidarity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noSolidarity.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("jointAndSeveral", "annualInformationOn");
        ResponseEntity<JsonNode> solidaryDeposit = post(customer, Map.of("kind", "DEPOSIT", "amount", "50.00", "currency", "EUR",
                "startsOn", "2026-01-01", "jointAndSeveral", true, "principalOnly", true));
        assertThat(solidaryDeposit.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("jointAndSeveral", "principalOnly");

        assertThat(guarantees.ofCustomer(customer)).as("nothing stored").isEmpty();
        assertThat(api.asAdmin().postForEntity("/api/v1/customers/" + UUID.randomUUID() + "/guarantees",
                Map.of("kind", "DEPOSIT", "amount", "1.00", "currency", "EUR", "startsOn", "2026-01-01"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPersonalGuaranteeIsStoredWithWhatWasCheckedAndWithoutTheHandwrittenMentionItSecuresNothing() {
        UUID customer = customer();
        invoice(customer, "5000.00");
        Map<String, Object> body = personal("Jean <b>Dupont</b>", "4000.00", "2026-01-01", "2028-12-31");
        body.put("handwrittenMention", false);

        ResponseEntity<JsonNode> created = post(customer, body);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode stored = created.getBody().get("guarantee");
        assertThat(stored.get("providerName").asText()).as("stored as typed, shown escaped").isEqualTo("Jean <b>Dupont</b>");
        assertThat(stored.get("naturalPerson").asBoolean()).isTrue();
        assertThat(stored.get("annualInformationOn").asText()).isEqualTo("2026-03-15");
        assertThat(created.getBody().get("validToday").asBoolean()).as("void without the mention of art. 2297 C. civ.").isFalse();
        assertThat(cover.of(customer, TODAY).in("EUR").secured()).isEqualByComparingTo("0.00");
        JsonNode listed = api.asAdmin().getForEntity("/api/v1/customers/" + customer + "/guarantees", JsonNode.class).getBody();
        assertThat(listed).hasSize(1);
    }

    /**
     * Worked example. Open invoices: A 6,000.00; B 4,000.00; C 3,000.00 under a retention-of-title clause: exposure 13,000.00.
     * B's own first-demand guarantee of 5,000.00 secures B only, so 4,000.00. Account-wide: a personal guarantee of 5,000.00
     * reduced to 3,000.00 (art. 2300) and a 1,500.00 deposit, 4,500.00, within the 13,000.00 - 4,000.00 = 9,000.00 left.
     * A personal guarantee that ended yesterday counts for nothing. Secured 4,000.00 + 4,500.00 = 8,500.00; unsecured
     * 13,000.00 - 8,500.00 = 4,500.00; under retention of title 3,000.00 (shown apart).
     */
    @Test
    void theSecuredPartCountsValidGuaranteesEachWithinItsCapAndWhatItCanSecure() {
        UUID customer = customer();
        invoice(customer, "6000.00");
        String b = invoice(customer, "4000.00");
        String c = invoice(customer, "3000.00");
        Map<String, Object> firstDemand = new HashMap<>(Map.of("kind", "FIRST_DEMAND_GUARANTEE", "invoiceNumber", b,
                "providerName", "Banque du Port", "providerAddress", "1 quai de la Fosse\n44000 Nantes", "amount", "5000.00",
                "currency", "EUR", "startsOn", "2026-06-01", "endsOn", "2027-06-01", "callConditions", "Demande écrite et signée"));
        assertThat(post(customer, firstDemand).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> reduced = personal("Jean Dupont", "5000.00", "2026-01-01", null);
        reduced.put("reducedTo", "3000.00");
        assertThat(post(customer, reduced).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(customer, Map.of("kind", "DEPOSIT", "amount", "1500.00", "currency", "EUR", "startsOn", "2026-10-01"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(customer, Map.of("kind", "RETENTION_OF_TITLE", "invoiceNumber", c, "amount", "3000.00", "currency", "EUR",
                "startsOn", "2026-10-01")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post(customer, personal("Marie Martin", "10000.00", "2025-01-01", TODAY.minusDays(1).toString())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        GuaranteeCover.Cover eur = cover.of(customer, TODAY).in("EUR");

        assertThat(eur.exposure()).isEqualByComparingTo("13000.00");
        assertThat(eur.secured()).isEqualByComparingTo("8500.00");
        assertThat(eur.unsecured()).isEqualByComparingTo("4500.00");
        assertThat(eur.retentionOfTitle()).isEqualByComparingTo("3000.00");
        JsonNode fromApi = api.asAdmin().getForEntity("/api/v1/customers/" + customer + "/guarantee-cover?day=" + TODAY, JsonNode.class)
                .getBody().get("byCurrency").get(0);
        assertThat(fromApi.get("secured").decimalValue()).isEqualByComparingTo("8500.00");
    }

    /** Account-wide guarantees never secure more than is owed: 2,000.00 owed under 5,000.00 of guarantees is 2,000.00 secured. */
    @Test
    void theSecuredPartNeverExceedsTheExposure() {
        UUID customer = customer();
        invoice(customer, "2000.00");
        post(customer, Map.of("kind", "DEPOSIT", "amount", "5000.00", "currency", "EUR", "startsOn", "2026-10-01"));

        GuaranteeCover.Cover eur = cover.of(customer, TODAY).in("EUR");

        assertThat(eur.secured()).isEqualByComparingTo("2000.00");
        assertThat(eur.unsecured()).isEqualByComparingTo("0.00");
    }

    @Test
    void aGuaranteeEndingWithinTheWarningPeriodWithExposureUnderItGivesCreditManagersOneTask() {
        UUID customer = customer();
        invoice(customer, "800.00");
        invoice(customer, "3000.00");
        UUID ending = id(post(customer, personal("Jean Dupont", "5000.00", "2026-01-01", TODAY.plusDays(60).toString())));
        UUID later = id(post(customer, personal("Marie Martin", "5000.00", "2026-01-01", TODAY.plusDays(61).toString())));
        UUID customerWithNothingOwed = customer();
        String settled = invoice(customerWithNothingOwed, "800.00");
        payments.register(new NewPayment(customerWithNothingOwed, new BigDecimal("800.00"), "EUR", TODAY, "VIR-" + settled,
                List.of(new NewPayment.Allocation(settled, new BigDecimal("800.00")))));
        UUID nothingUnder = id(post(customerWithNothingOwed, personal("Paul Petit", "5000.00", "2026-01-01", TODAY.plusDays(30).toString())));

        List<UUID> warned = warnings.raise().stream().map(Guarantee::id).toList();

        assertThat(warned).contains(ending).doesNotContain(later, nothingUnder);
        Task task = tasks.createTaskQuery().taskId(GuaranteeExpiryWarnings.TASK_PREFIX + ending).singleResult();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("credit-managers").count()).isOne();
        assertThat(task.getName()).isEqualTo("Garantie échéant le 22 janvier 2027 : " + customers.get(customer).getLegalName());
        // 800.00 + 3,000.00 owed on the account
        assertThat(task.getDescription()).isEqualTo("Le cautionnement de 5 000,00 € (Jean Dupont) prend fin le 22 janvier 2027 ; "
                + "3 800,00 € restent dus sous cette garantie. Appelez-la avant son échéance ou obtenez son renouvellement, "
                + "puis fermez cette tâche.");
        assertThat(interactions.latestOfCustomer(customer, 10)).extracting(Interaction::getSummary).contains("Fin de garantie "
                + "le 22 janvier 2027 avec 3 800,00 € encore dus sous celle-ci : les responsables crédit sont invités à "
                + "l'appeler ou à obtenir son renouvellement");
        assertThat(warnings.raise().stream().map(Guarantee::id)).as("once per guarantee").doesNotContain(ending);
        assertThat(guarantees.get(ending).expiryWarnedAt()).isNotNull();
        tasks.deleteTask(task.getId(), true);
    }

    @Test
    void anEnglishTeamIsWarnedInEnglish() {
        UUID customer = customer();
        invoice(customer, "1250.00");
        UUID ending = id(post(customer, Map.of("kind", "FIRST_DEMAND_GUARANTEE", "providerName", "Banque du Port",
                "providerAddress", "1 quai de la Fosse, 44000 Nantes", "amount", "10000.00", "currency", "EUR",
                "startsOn", "2026-01-01", "endsOn", TODAY.plusDays(45).toString(), "callConditions", "Demande écrite et signée")));
        // the text is all the code's: the English team's warnings are made on this context's engine and database
        GuaranteeExpiryWarnings english = new GuaranteeExpiryWarnings(guarantees, cover, invoices, customers, interactions,
                tasks, settings, clock, zone, new TeamLanguage("en"));

        List<UUID> warned = english.raise().stream().map(Guarantee::id).toList();

        assertThat(warned).contains(ending);
        Task task = tasks.createTaskQuery().taskId(GuaranteeExpiryWarnings.TASK_PREFIX + ending).singleResult();
        assertThat(task.getName()).isEqualTo("Guarantee ending on 7 January 2027: " + customers.get(customer).getLegalName());
        // 1,250.00 owed on the account, under a guarantee of 10,000.00; amounts are written as everywhere in Tasklist
        assertThat(task.getDescription()).isEqualTo("The first-demand guarantee of 10 000,00 € (Banque du Port) ends on "
                + "7 January 2027; 1 250,00 € is still owed under it. Call it before it ends or have it renewed, then close this task.");
        assertThat(interactions.latestOfCustomer(customer, 10)).extracting(Interaction::getSummary).contains("Guarantee ends "
                + "on 7 January 2027 with 1 250,00 € still owed under it: credit managers asked to call it or renew it");
        warned.forEach(guarantee -> tasks.deleteTask(GuaranteeExpiryWarnings.TASK_PREFIX + guarantee, true));
    }

    @Test
    void aCsvFileIsImportedWholeOrNotAtAllWithEveryRefusedLineAndFieldNamed() {
        String first = TestData.wellRatedSiren(bureau);
        UUID firstCustomer = customers.register(TestData.debtor("Garage", first, "FR")).getId();
        String second = TestData.wellRatedSiren(bureau);
        UUID secondCustomer = customers.register(TestData.debtor("Menuiserie", second, "FR")).getId();
        String header = String.join(";", GuaranteeCsvImport.COLUMNS) + "\n";
        String personal = first + ";PERSONAL_GUARANTEE;;Jean Dupont;\"5 rue de la Paix\n44000 Nantes\";oui;5 000,00;EUR;2026-01-01;2028-12-31;"
                + "C-1;;Copie de l'acte;oui;;2026-03-15;non;oui\n";
        String deposit = second + ";DEPOSIT;;;;;1500.00;EUR;2026-10-01;;;;;;;;;\n";
        String unreadable = second + ";DEPOSIT;;;;;abc;EUR;2026-06-01;;;;;;;;;\n";
        String incomplete = second + ";FIRST_DEMAND_GUARANTEE;;Banque du Port;1 quai de la Fosse;;9000.00;EUR;2026-06-01;;;;;;;;;\n";
        String unknown = "000000000;DEPOSIT;;;;;10.00;EUR;2026-10-01;;;;;;;;;\n";
        String solidarityUnsaid = second + ";PERSONAL_GUARANTEE;;Paul Durand;1 rue Crébillon;oui;2000.00;EUR;2026-06-01;;;;;oui;;;;\n";

        ResponseEntity<JsonNode> refused = csv(header + personal + deposit + unreadable + incomplete + unknown + solidarityUnsaid);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // the header is line 1; the quoted address spans two lines of the file but is one record
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("line 4: amount", "line 5: endsOn", "line 5: callConditions",
                        "line 6: customerRegistrationNumber", "line 7: jointAndSeveral");
        assertThat(guarantees.ofCustomer(firstCustomer)).as("all or nothing").isEmpty();
        assertThat(guarantees.ofCustomer(secondCustomer)).isEmpty();

        ResponseEntity<JsonNode> imported = csv(header + personal + deposit);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("stored").asInt()).isEqualTo(2);
        Guarantee stored = guarantees.ofCustomer(firstCustomer).get(0);
        assertThat(stored.amount()).isEqualByComparingTo("5000.00");
        assertThat(stored.providerAddress()).isEqualTo("5 rue de la Paix\n44000 Nantes");
        assertThat(stored.handwrittenMention()).isTrue();
        assertThat(stored.jointAndSeveral()).as("simple").isFalse();
        assertThat(stored.principalOnly()).isTrue();
        assertThat(guarantees.ofCustomer(secondCustomer)).extracting(Guarantee::kind).containsExactly(GuaranteeKind.DEPOSIT);
    }

    private ResponseEntity<JsonNode> csv(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return api.asAdmin().postForEntity("/api/v1/imports/guarantees", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(UUID customer, Map<String, ?> body) {
        return api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/guarantees", body, JsonNode.class);
    }

    private static UUID id(ResponseEntity<JsonNode> created) {
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("guarantee").get("id").asText());
    }

    static Map<String, Object> personal(String guarantor, String amount, String startsOn, String endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PERSONAL_GUARANTEE");
        body.put("providerName", guarantor);
        body.put("providerAddress", "5 rue de la Paix\n44000 Nantes");
        body.put("naturalPerson", true);
        body.put("handwrittenMention", true);
        body.put("annualInformationOn", "2026-03-15");
        body.put("jointAndSeveral", true);
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("startsOn", startsOn);
        if (endsOn != null) {
            body.put("endsOn", endsOn);
        }
        return body;
    }

    private UUID customer() {
        return customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    private String invoice(UUID customer, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), new BigDecimal(amount), "EUR"));
        return number;
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.Chromium;
import io.recouvra.support.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A collector's morning in Tasklist, in a real browser that asks for French: she signs in, lands on "Mes appels du
 * jour" with her calls most urgent first, works the first one and opens the next from the list, one click away.
 * Its own context (engine {@value #ENGINE}, so a database of its own): the calls in the list are this test's only,
 * whatever the other feature tests left in theirs. Every wait is explicit and generous: a slow machine only makes
 * the test slower.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.process-engine-name="
        + CollectorTasklistBrowserTest.ENGINE)
@ActiveProfiles("test")
@Import(Api.class)
class CollectorTasklistBrowserTest {

    static final String ENGINE = "webapps";
    private static final Duration PATIENCE = Duration.ofSeconds(300);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday: key accounts' invoices due six days before are called at once (dunning-strategy.dmn). */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);
    private static final String COLLECTOR = "camille";

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    CollectionTestAccess collection;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void aCollectorAndAFrenchBrowser() {
        if (identity.createUserQuery().userId(COLLECTOR).count() == 0) {
            User user = identity.newUser(COLLECTOR);
            user.setFirstName("Camille");
            user.setLastName("Martin");
            user.setPassword("secret-" + COLLECTOR);
            identity.saveUser(user);
            identity.createMembership(COLLECTOR, RecouvraGroups.COLLECTORS);
        }
        browser = Chromium.open(900, Map.of("intl.accept_languages", "fr-FR,fr"), "--lang=fr-FR");
        wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeTheBrowser(TestInfo test) throws IOException {
        if (browser != null) {
            // what the page was when the test ended, to see why a wait ran out
            Chromium.screenshot(browser, "last-" + test.getTestMethod().orElseThrow().getName());
            Files.writeString(Path.of("target", "screenshots", "last-" + test.getTestMethod().orElseThrow().getName() + ".html"),
                    browser.getPageSource());
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void aCollectorLandsOnHerCallsOfTheDayMostUrgentFirstCompletesOneAndOpensTheNext() throws IOException {
        // worked examples (CollectorWorklistTest), all class B, called six days after the due date: 60 000 € →
        // "VeryLargeDebt" 80, today; 12 000 € → "LargeDebt" 55, today; 2 000 € → "EveryOtherCall" 40, tomorrow.
        // Seen the next morning, all three are due: 80, 55, 40.
        at(START);
        String small = call("2000.00");
        String veryLarge = call("60000.00");
        String large = call("12000.00");
        at(START.plusDays(1));

        WebElement user = openTasklist();
        assertThat(user.getAttribute("placeholder")).isEqualTo("Identifiant");
        assertThat(browser.findElement(By.cssSelector("form button[type=submit]")).getText()).isEqualTo("Se connecter");
        user.sendKeys(COLLECTOR);
        browser.findElement(By.cssSelector("form input[type=password]")).sendKeys("secret-" + COLLECTOR);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        assertThat(callsWhenThereAre(3)).satisfiesExactly(
                first -> assertThat(first).contains(veryLarge, "échu 60 000,00 €"),
                second -> assertThat(second).contains(large, "échu 12 000,00 €"),
                third -> assertThat(third).contains(small, "échu 2 000,00 €"));
        assertThat(browser.findElement(By.cssSelector(".filters .active, [class*=filter] .active")).getText())
                .contains("Mes appels du jour");
        // the task and its process named in French, as the models write them
        assertThat(calls().get(0).findElement(By.cssSelector("h4.task")).getText())
                .startsWith("Appeler le client : " + veryLarge + " (échu 60 000,00 €");
        assertThat(calls().get(0).findElement(By.cssSelector("h6.process-definition")).getText()).isEqualTo("Appel de relance");
        Chromium.screenshot(browser, "tasklist-calls-of-the-day-fr");

        // the most urgent call: take it, say nobody answered, complete it
        calls().get(0).findElement(By.cssSelector("h4.task a")).click();
        WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        assertThat(claim.getText()).isEqualTo("Prendre");
        claim.click();
        // completed before an outcome is chosen: form-js's own message says so, in French (scripts/form-messages.js)
        By completeButton = By.cssSelector("button[ng-click='complete()']");
        WebElement tooSoon = wait.until(ExpectedConditions.elementToBeClickable(completeButton));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", tooSoon);
        By fieldError = By.cssSelector(".fjs-form-field-error li");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(fieldError, "Ce champ est obligatoire."));
        assertThat(browser.findElements(fieldError)).extracting(WebElement::getText).containsOnly("Ce champ est obligatoire.");
        Chromium.screenshot(browser, "tasklist-call-outcome-required-fr");
        // the option's label takes the click (it covers its radio button), as for a user
        By noAnswer = By.xpath("//label[normalize-space(.)='" + outcomeLabel("NO_ANSWER") + "'][.//input[@type='radio']]");
        WebElement option = wait.until(ExpectedConditions.elementToBeClickable(noAnswer));
        // Tasklist's notice "Vous avez pris la tâche" may lie over the form for a few seconds: the click goes to the option
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", option);
        wait.until(any -> browser.findElement(noAnswer).findElement(By.tagName("input")).isSelected());
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(completeButton));
        assertThat(complete.getText()).isEqualTo("Terminer");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);

        // the list is read again: the next call is on top, one click away
        assertThat(callsWhenThereAre(2)).satisfiesExactly(
                first -> assertThat(first).contains(large),
                second -> assertThat(second).contains(small));
        calls().get(0).findElement(By.cssSelector("h4.task a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
        assertThat(browser.getCurrentUrl()).contains("task=" + callTaskOf(large).getId());
        Chromium.screenshot(browser, "tasklist-next-call-fr");
        // its description, in French too: the facts and where the priority comes from (CallSteps.callDescription)
        browser.findElement(By.xpath("//a[normalize-space(.)='Description']")).click();
        WebElement description = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".description-pane")));
        assertThat(description.getText()).contains("Client : " + large + " · échu : 12 000,00 €", "priorité 55 (table CallPriority)");

        assertThat(history.createHistoricVariableInstanceQuery().variableName("callOutcome").list())
                .as("the call she completed, and only that one").singleElement()
                .satisfies(outcome -> assertThat(outcome.getValue()).isEqualTo("NO_ANSWER"));
    }

    @Test
    void aCollectorOpeningCockpitIsToldInFrenchWhoMayOpenIt() throws IOException {
        openTasklist().sendKeys(COLLECTOR);
        browser.findElement(By.cssSelector("form input[type=password]")).sendKeys("secret-" + COLLECTOR);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list, .filters")));

        browser.get(url("/camunda/app/cockpit/" + ENGINE + "/"));

        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));
        assertThat(title.getText()).isEqualTo("Cockpit est réservé à certains groupes");
        assertThat(browser.findElement(By.id("who")).getText()).contains(COLLECTOR);
        assertThat(browser.findElements(By.cssSelector("#groups li"))).extracting(WebElement::getText)
                .contains("Managers (managers)", "Administrators (admins)").noneMatch(group -> group.contains("collectors"));
        Chromium.screenshot(browser, "cockpit-forbidden-fr");
        browser.findElement(By.id("tasklist")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    }

    // ---- helpers

    /**
     * Tasklist's login field. The first page of a freshly started server can stay on Tasklist's spinner for good when
     * a script comes later than the webapp's script loader waits (a loaded machine): the page is loaded again then,
     * as a user would, until the login shows or the patience runs out.
     */
    private WebElement openTasklist() {
        By login = By.cssSelector("form input[type=text]");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            browser.get(url("/camunda/app/tasklist/" + ENGINE + "/"));
            try {
                return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(login));
            } catch (TimeoutException stillLoading) {
                if (System.nanoTime() > deadline) {
                    throw stillLoading;
                }
            }
        }
    }

    /** The calls' texts in the list's order, once it shows this many (the list refreshes itself: read it whole). */
    private List<String> callsWhenThereAre(int count) {
        return wait.until(any -> {
            List<String> texts = calls().stream().map(WebElement::getText).toList();
            return texts.size() == count ? texts : null;
        });
    }

    private List<WebElement> calls() {
        return browser.findElements(By.cssSelector("ol.tasks-list li.task"));
    }

    /** The label the call form gives an outcome ("Pas de réponse"), whatever its wording of the day. */
    private static String outcomeLabel(String value) throws IOException {
        JsonNode form = new ObjectMapper().readTree(Path.of("forms", "call-debtor.form").toFile());
        for (JsonNode component : form.get("components")) {
            if ("callOutcome".equals(component.path("key").asText())) {
                for (JsonNode option : component.get("values")) {
                    if (value.equals(option.get("value").asText())) {
                        return option.get("label").asText();
                    }
                }
            }
        }
        throw new IllegalStateException("no outcome " + value + " in the call form");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(PARIS).toInstant()));
    }

    /** A key account owing this amount since six days: its collection asks for a call at once. Returns its name. */
    private String call(String amount) {
        String name = "Garage " + TestData.invoiceNumber();
        UUID customer = customers.register(new NewCustomer(name, TestData.wellRatedSiren(bureau), "FR", "fr", "Europe/Paris",
                "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "KEY_ACCOUNT")).getId();
        String number = TestData.invoiceNumber();
        LocalDate due = START.minusDays(6);
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        collection.runJobs(collection.instanceOf(number));
        return name;
    }

    private Task callTaskOf(String customerName) {
        return tasks.createTaskQuery().processDefinitionKey("CollectorCall").processVariableValueEquals("customerName", customerName)
                .singleResult();
    }
}

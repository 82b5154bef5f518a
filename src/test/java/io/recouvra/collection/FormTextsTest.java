package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.credit.CreditReviews;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.Chromium;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A customer named with HTML and markdown, as an integrator may register it, in the "Approuver la limite de crédit" form a
 * credit manager opens in Tasklist: the form is French, and the name reaches its heading as text, through the engine
 * REST API Tasklist calls and in Tasklist itself, in a real browser (Debian's chromium, every wait explicit).
 */
@RecouvraTest
class FormTextsTest {

    private static final String NAME = "<img src=x onerror=alert(1)> [lien](http://evil)";
    private static final String MANAGER = "camille";
    private static final String PASSWORD = "secret-camille";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    CreditReviews reviews;
    @Autowired
    CustomerService customers;
    @Autowired
    CreditBureau bureau;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;
    @Autowired
    Api api;

    ChromeDriver browser;

    @BeforeEach
    void aCreditManager() {
        User user = identity.newUser(MANAGER);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(MANAGER, RecouvraGroups.CREDIT_MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.quit();
        }
        identity.deleteUser(MANAGER);
    }

    @Test
    void theFormReceivesTheNameAsEscapedTextAndTheAmountsWrittenOut() throws IOException {
        Task approval = approvalOf(customerNamed(NAME));

        ResponseEntity<JsonNode> opened = api.as(MANAGER, PASSWORD).getForEntity(
                "/engine-rest/task/" + approval.getId() + "/form-variables", JsonNode.class);

        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        // < 60, = 61, ( 40, ) 41, > 62, [ 91, ] 93, : 58, / 47: nothing form-js's markdown could obey
        assertThat(opened.getBody().at("/customerNameText/value").asText()).isEqualTo(
                "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62; &#91;lien&#93;&#40;http&#58;&#47;&#47;evil&#41;");
        assertThat(opened.getBody().at("/customerName/value").asText()).as("the read-only field shows it as typed")
                .isEqualTo(NAME);
        // 200 000 requested (CreditReviewProcessTest: the policy proposes it as it is, insured)
        assertThat(opened.getBody().at("/requestedAmountDisplay/value").asText()).isEqualTo("200 000,00 €");
        assertThat(opened.getBody().at("/proposedLimitDisplay/value").asText()).isEqualTo("200 000,00 €");
        assertThat(opened.getBody().at("/exposureDisplay/value").asText()).isEqualTo("0,00 €");
        try (InputStream form = forms.getDeployedTaskForm(approval.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("# Revue de crédit : {{customerNameText}}").doesNotContain("{{customerName}}");
        }
    }

    @Test
    void tasklistShowsTheNameAsTextNeitherImageNorLink() throws IOException {
        Task approval = approvalOf(customerNamed(NAME));
        browser = Chromium.open(1000);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        signIn(wait);
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + approval.getId());

        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-text h1")));
        wait.until(ExpectedConditions.textToBePresentInElement(heading, "Revue de crédit"));
        Chromium.screenshot(browser, "tasklist-approve-credit-limit-fr");
        assertThat(heading.getText()).isEqualTo("Revue de crédit : " + NAME);
        WebElement form = browser.findElement(By.cssSelector(".fjs-form"));
        assertThat(form.findElements(By.cssSelector(".fjs-form-field-text img, img[src='x']"))).as("no image made of the name")
                .isEmpty();
        assertThat(form.findElements(By.cssSelector(".fjs-form-field-text a, a[href*='evil']"))).as("no link made of the name")
                .isEmpty();
        assertThat(form.getText()).contains("Encours actuel", "Limite demandée", "Décision", "Accorder", "Refuser");
        assertThat(browser.findElement(By.xpath("//label[contains(., 'Limite demandée')]/following::input[1]"))
                .getAttribute("value")).isEqualTo("200 000,00 €");
    }

    /**
     * Tasklist's sign-in page. On a busy machine Tasklist may give up loading its plugin modules (RequireJS's load
     * timeout) and stay on its splash screen: the page is then loaded again, its scripts being cached by then.
     */
    private void signIn(WebDriverWait wait) {
        By username = By.cssSelector("input[ng-model='username']");
        for (int attempt = 1; browser.findElements(username).isEmpty(); attempt++) {
            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            try {
                new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(username));
            } catch (TimeoutException e) {
                assertThat(attempt).as("Tasklist's sign-in page after several loads").isLessThan(4);
            }
        }
        browser.findElement(username).sendKeys(MANAGER);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
    }

    private UUID customerNamed(String name) {
        return customers.register(new NewCustomer(name, TestData.wellRatedSiren(bureau), null, null, null, null, null,
                null, List.of())).getId();
    }

    /** A request a credit manager approves (CreditReviewProcessTest: 200 000 is above what the policy grants alone). */
    private Task approvalOf(UUID customer) {
        ProcessInstance review = reviews.start(customer, new BigDecimal("200000"), CreditReviews.Reason.LIMIT_REQUEST);
        management.createJobQuery().processInstanceId(review.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        return tasks.createTaskQuery().processInstanceId(review.getId()).singleResult();
    }
}

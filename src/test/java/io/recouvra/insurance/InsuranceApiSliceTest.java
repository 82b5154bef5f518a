package io.recouvra.insurance;

import static io.recouvra.security.RecouvraGroups.ADMINS;
import static io.recouvra.security.RecouvraGroups.COLLECTORS;
import static io.recouvra.security.RecouvraGroups.CREDIT_MANAGERS;
import static io.recouvra.security.RecouvraGroups.INTEGRATORS;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.support.ApiSliceTest;
import io.recouvra.support.SliceUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The credit-insurance API's door: the policy is the admins', limits the credit managers', the insurer's answers as problems. */
@ApiSliceTest(InsuranceController.class)
class InsuranceApiSliceTest {

    private static final UUID BUYER = UUID.fromString("b0e70000-0000-4000-8000-000000000001");

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @MockitoBean
    InsurancePolicies policies;
    @MockitoBean
    BuyerCovers covers;
    @MockitoBean
    InsuredInvoices insured;
    @MockitoBean
    CustomerService customers;
    @MockitoBean
    InvoiceService invoices;
    @MockitoBean
    InsolvencyNoticeByHand byHand;

    private SliceUsers users;

    @BeforeEach
    void users() {
        users = new SliceUsers(identity);
    }

    @Test
    void onlyAnAdminSetsThePolicysTerms() throws Exception {
        mvc.perform(put("/api/v1/insurance/policy").header(HttpHeaders.AUTHORIZATION, users.memberOf(CREDIT_MANAGERS))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        then(policies).should(never()).set(any());
    }

    @Test
    void noPolicyYetIsANotFoundProblem() throws Exception {
        given(policies.active()).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/insurance/policy").header(HttpHeaders.AUTHORIZATION, users.memberOf(ADMINS)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No credit-insurance policy is set up"));
    }

    @Test
    void aBuyerThatIsNoIdIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/customers/garage-durand/insurance").header(HttpHeaders.AUTHORIZATION, users.memberOf(CREDIT_MANAGERS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerId"))
                .andExpect(jsonPath("$.errors[0].reason").value("'garage-durand' is not an id (UUID)"));
    }

    @Test
    void aCollectorAsksTheInsurerForNoLimit() throws Exception {
        mvc.perform(post("/api/v1/customers/{id}/insurance/limit-requests", BUYER)
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(COLLECTORS))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"amount":"20000"}"""))
                .andExpect(status().isForbidden());
        then(covers).should(never()).requestLimit(any(), any());
    }

    @Test
    void aLimitTheInsurerRefusesIsAnUnprocessableProblem() throws Exception {
        given(covers.requestLimit(BUYER, new BigDecimal("20000")))
                .willThrow(new CreditInsurer.InsurerRefusal(422, "buyer unknown to the insurer"));

        mvc.perform(post("/api/v1/customers/{id}/insurance/limit-requests", BUYER)
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(CREDIT_MANAGERS))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"amount":20000}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Refused by the insurer"))
                .andExpect(jsonPath("$.detail").value("422 buyer unknown to the insurer"));
    }

    @Test
    void anInsurerOutOfReachIsAProblemToRetryLater() throws Exception {
        given(covers.sync(BUYER)).willThrow(new CreditInsurer.InsurerUnavailable("timeout after 20 s", null));

        mvc.perform(post("/api/v1/customers/{id}/insurance/sync", BUYER).header(HttpHeaders.AUTHORIZATION, users.memberOf(ADMINS)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("The insurer cannot be reached; try again later"));
    }

    @Test
    void anIntegratorRecordsTheInsurerToldByHandAndACollectorDoesNot() throws Exception {
        LocalDate judgment = LocalDate.of(2026, 11, 20);
        Instant toldAt = Instant.parse("2026-11-23T08:30:00Z");
        given(byHand.record(BUYER, judgment, toldAt, "Claire Martin")).willReturn(new InsolvencyNoticeByHand.Notice(BUYER, judgment,
                "RECEIVERSHIP", toldAt, "Claire Martin", 2, "unreachable"));
        String body = """
                {"toldAt":"2026-11-23T08:30:00Z","toldBy":"Claire Martin"}""";

        mvc.perform(post("/api/v1/customers/{id}/insurance/insolvency-notices/2026-11-20/told-by-hand", BUYER)
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(COLLECTORS))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        then(byHand).should(never()).record(any(), any(), any(), any());

        mvc.perform(post("/api/v1/customers/{id}/insurance/insolvency-notices/2026-11-20/told-by-hand", BUYER)
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toldByHandBy").value("Claire Martin"))
                .andExpect(jsonPath("$.judgmentDate").value("2026-11-20"));
    }
}

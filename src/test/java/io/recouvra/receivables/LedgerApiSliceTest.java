package io.recouvra.receivables;

import static io.recouvra.security.RecouvraGroups.COLLECTORS;
import static io.recouvra.security.RecouvraGroups.INTEGRATORS;
import static io.recouvra.security.RecouvraGroups.SALES_OPERATIONS;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recouvra.support.ApiSliceTest;
import io.recouvra.support.SliceUsers;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The ledger API's door: what it refuses, naming the field, and who may use it; the services are mocked. */
@ApiSliceTest(LedgerController.class)
class LedgerApiSliceTest {

    private static final UUID CUSTOMER = UUID.fromString("6f1c2a3e-0000-4000-8000-000000000001");
    private static final UUID PAYMENT = UUID.fromString("6f1c2a3e-0000-4000-8000-0000000000aa");

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @MockitoBean
    CustomerService customerService;
    @MockitoBean
    InvoiceService invoiceService;
    @MockitoBean
    PaymentService paymentService;
    @MockitoBean
    CreditNoteService creditNoteService;
    @MockitoBean
    InvoiceList invoiceList;
    @MockitoBean
    CustomerList customerList;

    private SliceUsers users;

    @BeforeEach
    void users() {
        users = new SliceUsers(identity);
    }

    @Test
    void aPaymentWithoutBankReferenceIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"customerId":"%s","amount":"120.00","currency":"EUR","valueDate":"2026-11-02"}""".formatted(CUSTOMER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("bankReference")));
        then(paymentService).should(never()).register(any());
    }

    @Test
    void aPaymentInAnUnknownCurrencyFormatOrWithTooManyDecimalsNamesEachField() throws Exception {
        mvc.perform(post("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"customerId":"%s","amount":"120.005","currency":"euro","valueDate":"2026-11-02",
                                 "bankReference":"VIR-1"}""".formatted(CUSTOMER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("currency")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("amount")));
    }

    @Test
    void anUnknownFieldInAnInvoiceIsRefusedByItsName() throws Exception {
        mvc.perform(post("/api/v1/invoices").header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"number":"F-1","customerId":"%s","issueDate":"2026-10-01","dueDate":"2026-10-31",
                                 "amount":"100.00","currency":"EUR","discount":"5"}""".formatted(CUSTOMER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("discount"))
                .andExpect(jsonPath("$.errors[0].reason").value("unknown field"));
    }

    @Test
    void aDueDateThatIsNoDateSaysWhatIsExpected() throws Exception {
        mvc.perform(post("/api/v1/invoices").header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"number":"F-1","customerId":"%s","issueDate":"2026-10-01","dueDate":"end of month",
                                 "amount":"100.00","currency":"EUR"}""".formatted(CUSTOMER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].reason").value("'end of month' is not a date (yyyy-MM-dd)"));
    }

    @Test
    void aPageLargerThanFiveHundredIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/invoices").param("size", "1000").header(HttpHeaders.AUTHORIZATION, users.memberOf(COLLECTORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anIntegratorBooksAPaymentAndGetsWhereItWent() throws Exception {
        Payment booked = payment("VIR-2026-11-02");
        given(paymentService.register(any())).willReturn(booked);

        mvc.perform(post("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"customerId":"%s","amount":"120.00","currency":"EUR","valueDate":"2026-11-02",
                                 "bankReference":"VIR-2026-11-02"}""".formatted(CUSTOMER)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/payments/" + PAYMENT))
                .andExpect(jsonPath("$.bankReference").value("VIR-2026-11-02"))
                .andExpect(jsonPath("$.unallocatedAmount").value(120.00));
        then(paymentService).should().register(new NewPayment(CUSTOMER, new BigDecimal("120.00"), "EUR",
                LocalDate.parse("2026-11-02"), "VIR-2026-11-02", null));
    }

    @Test
    void aCollectorReadsTheLedgerButBooksNoPayment() throws Exception {
        String collector = users.memberOf(COLLECTORS);
        given(invoiceService.get("F-404")).willThrow(new NotFoundException("No invoice F-404"));

        mvc.perform(get("/api/v1/invoices/F-404").header(HttpHeaders.AUTHORIZATION, collector))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, collector)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void salesAndOperationsDoNotReadTheLedger() throws Exception {
        mvc.perform(get("/api/v1/invoices/F-1").header(HttpHeaders.AUTHORIZATION, users.memberOf(SALES_OPERATIONS)))
                .andExpect(status().isForbidden());
        then(invoiceService).should(never()).get(any(String.class));
    }

    @Test
    void nobodyUnknownToTheEngineGetsIn() throws Exception {
        mvc.perform(get("/api/v1/invoices/F-1")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/invoices/F-1").header(HttpHeaders.AUTHORIZATION, users.stranger()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aWriteFromAPageOfAnotherSiteIsRefusedBeforeItIsRead() throws Exception {
        mvc.perform(post("/api/v1/payments").header(HttpHeaders.AUTHORIZATION, users.memberOf(INTEGRATORS))
                        .header("Origin", "https://evil.example").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Cross-site request refused"));
        then(paymentService).should(never()).register(any());
    }

    private static Payment payment(String bankReference) {
        Customer customer = mock(Customer.class);
        given(customer.getId()).willReturn(CUSTOMER);
        Payment payment = mock(Payment.class);
        given(payment.getId()).willReturn(PAYMENT);
        given(payment.getCustomer()).willReturn(customer);
        given(payment.getAmount()).willReturn(new BigDecimal("120.00"));
        given(payment.getCurrency()).willReturn("EUR");
        given(payment.getValueDate()).willReturn(LocalDate.parse("2026-11-02"));
        given(payment.getBankReference()).willReturn(bankReference);
        given(payment.getUnallocatedAmount()).willReturn(new BigDecimal("120.00"));
        given(payment.getAllocations()).willReturn(List.of());
        return payment;
    }
}

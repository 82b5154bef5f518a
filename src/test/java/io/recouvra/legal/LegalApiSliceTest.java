package io.recouvra.legal;

import static io.recouvra.security.RecouvraGroups.COLLECTORS;
import static io.recouvra.security.RecouvraGroups.CREDIT_MANAGERS;
import static io.recouvra.security.RecouvraGroups.LEGAL;
import static io.recouvra.security.RecouvraGroups.MANAGERS;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recouvra.support.ApiSliceTest;
import io.recouvra.support.SliceUsers;
import io.recouvra.web.NotFoundException;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The legal API's door: court files for the legal officers and their managers, with the use cases mocked. */
@ApiSliceTest(LegalController.class)
class LegalApiSliceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @MockitoBean
    LegalCases cases;
    @MockitoBean
    InjunctionRequests requests;
    @MockitoBean
    Prescriptions prescriptions;

    private SliceUsers users;

    @BeforeEach
    void users() {
        users = new SliceUsers(identity);
    }

    @Test
    void aCollectorDoesNotReadCourtFiles() throws Exception {
        mvc.perform(get("/api/v1/legal-cases/F-1").header(HttpHeaders.AUTHORIZATION, users.memberOf(COLLECTORS)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/legal-cases/F-1/bundle.zip").header(HttpHeaders.AUTHORIZATION, users.memberOf(COLLECTORS)))
                .andExpect(status().isForbidden());
        then(cases).should(never()).current(anyString());
        then(requests).should(never()).bundle(anyString());
    }

    @Test
    void aManagerReadsACourtFileAndIsToldWhenThereIsNone() throws Exception {
        given(cases.current("F-2")).willThrow(new NotFoundException("No legal case for invoice F-2"));

        mvc.perform(get("/api/v1/legal-cases/F-2").header(HttpHeaders.AUTHORIZATION, users.memberOf(MANAGERS)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No legal case for invoice F-2"));
    }

    @Test
    void theInjunctionRequestIsALegalOfficersPdfDownload() throws Exception {
        given(requests.requestPdf("F-3")).willReturn(new byte[] {'%', 'P', 'D', 'F'});

        mvc.perform(get("/api/v1/legal-cases/F-3/request.pdf").header(HttpHeaders.AUTHORIZATION, users.memberOf(LEGAL)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(content().bytes(new byte[] {'%', 'P', 'D', 'F'}))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                        result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                        .contains("attachment").contains("requete-injonction-de-payer-F-3.pdf"));
    }

    @Test
    void aLegalOfficerRecordsTheDebtorsOpposition() throws Exception {
        mvc.perform(post("/api/v1/legal-cases/F-4/opposition").header(HttpHeaders.AUTHORIZATION, users.memberOf(LEGAL))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"filedOn":"2026-11-20"}"""))
                .andExpect(status().isNoContent());
        then(cases).should().opposed("F-4", LocalDate.parse("2026-11-20"));
    }

    @Test
    void aManagerReadsCourtFilesButRecordsNoCourtStep() throws Exception {
        mvc.perform(post("/api/v1/legal-cases/F-5/opposition").header(HttpHeaders.AUTHORIZATION, users.memberOf(MANAGERS))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"filedOn":"2026-11-20"}"""))
                .andExpect(status().isForbidden());
        then(cases).should(never()).opposed(anyString(), any());
    }

    @Test
    void anOppositionDayThatIsNoDateIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/legal-cases/F-6/opposition").header(HttpHeaders.AUTHORIZATION, users.memberOf(LEGAL))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"filedOn":"yesterday"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("filedOn"));
        then(cases).should(never()).opposed(anyString(), any());
    }

    @Test
    void anAcknowledgementWithoutItsSigningDayIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/invoices/F-7/prescription/acknowledgements")
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(CREDIT_MANAGERS))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"note":"signed at the meeting"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signedOn"));
        then(prescriptions).should(never()).record(anyString(), any(), any(), any(), any());
    }

    @Test
    void aCollectorRecordsNoAcknowledgementOfDebt() throws Exception {
        mvc.perform(post("/api/v1/invoices/F-8/prescription/acknowledgements")
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(COLLECTORS))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"signedOn":"2026-11-20"}"""))
                .andExpect(status().isForbidden());
        then(prescriptions).should(never()).record(anyString(), any(), any(), any(), any());
    }
}

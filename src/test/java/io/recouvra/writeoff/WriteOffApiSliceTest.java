package io.recouvra.writeoff;

import static io.recouvra.security.RecouvraGroups.COLLECTORS;
import static io.recouvra.security.RecouvraGroups.INTEGRATORS;
import static io.recouvra.security.RecouvraGroups.MANAGERS;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.recouvra.support.ApiSliceTest;
import io.recouvra.support.SliceUsers;
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

/** The accountant's list of write-offs: a period both ends given, for managers and credit managers; WriteOffs mocked. */
@ApiSliceTest(WriteOffController.class)
class WriteOffApiSliceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @MockitoBean
    WriteOffs writeOffs;

    private SliceUsers users;

    @BeforeEach
    void users() {
        users = new SliceUsers(identity);
    }

    @Test
    void aPeriodWithoutItsStartIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/write-offs").param("to", "2026-11-30").header(HttpHeaders.AUTHORIZATION, users.memberOf(MANAGERS)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        then(writeOffs).should(never()).between(any(), any());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingItsEnd() throws Exception {
        mvc.perform(get("/api/v1/write-offs").param("from", "2026-11-30").param("to", "2026-11-01")
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(MANAGERS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be before from (2026-11-30)"));
    }

    @Test
    void aManagerGetsTheCsvOfAPeriod() throws Exception {
        given(writeOffs.between(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))).willReturn(List.of());

        mvc.perform(get("/api/v1/write-offs.csv").param("from", "2026-11-01").param("to", "2026-11-30")
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("written_off_on;invoice_number;customer;amount")));
    }

    @Test
    void aCustomerNameThatWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        // a debtor registered as =HYPERLINK(...): the accountant's spreadsheet must show it, not follow it
        WriteOff writeOff = new WriteOff(UUID.randomUUID(), "F-1", UUID.randomUUID(), "=HYPERLINK(\"http://evil.example\",\"Voir\")",
                LocalDate.parse("2026-11-12"), new BigDecimal("-12.50"), "EUR", new BigDecimal("20.00"), new BigDecimal("-2.08"),
                false, WriteOffReason.values()[0], "@note", "manager");
        given(writeOffs.between(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))).willReturn(List.of(writeOff));

        mvc.perform(get("/api/v1/write-offs.csv").param("from", "2026-11-01").param("to", "2026-11-30")
                        .header(HttpHeaders.AUTHORIZATION, users.memberOf(MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "2026-11-12;F-1;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Voir\"\")\";-12.50;EUR;20.00;-2.08;false;")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(";'@note;")));
    }

    @Test
    void collectorsAndIntegratorsDoNotSeeTheAccountantsFigures() throws Exception {
        for (String group : new String[] {COLLECTORS, INTEGRATORS}) {
            mvc.perform(get("/api/v1/write-offs").param("from", "2026-11-01").param("to", "2026-11-30")
                            .header(HttpHeaders.AUTHORIZATION, users.memberOf(group)))
                    .andExpect(status().isForbidden());
        }
        then(writeOffs).should(never()).between(any(), any());
    }
}

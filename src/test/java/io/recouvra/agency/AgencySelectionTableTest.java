package io.recouvra.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/agency-selection.dmn, as deployed: every agency it names is configured, each rule on its boundary. */
@RecouvraTest
class AgencySelectionTableTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    CollectionAgencies agencies;

    @ParameterizedTest(name = "owes {0} EUR, {1}, sector {2}, last agency {3} ({4}) -> {5}")
    @CsvSource(value = {
            "1000, FR, '', '', '', nord-recouvrement",
            "19999.99, FR, '', '', '', nord-recouvrement",
            "20000, FR, '', '', '', grands-comptes-contentieux",
            "1000, FR, CONSTRUCTION, '', '', grands-comptes-contentieux",
            "1000, BE, '', '', '', euro-collect",
            "1000, BE, '', euro-collect, UNRECOVERABLE, grands-comptes-contentieux",
            "1000, FR, '', nord-recouvrement, MANDATE_EXPIRED, grands-comptes-contentieux",
            "1000, FR, '', nord-recouvrement, RECOVERED, nord-recouvrement",
            "50000, FR, '', grands-comptes-contentieux, UNRECOVERABLE, nord-recouvrement"})
    void choosesAConfiguredAgency(double owed, String country, String sector, String lastAgency, String lastOutcome, String agency) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey("AgencySelection", Variables.createVariables()
                        .putValue("totalOwed", owed).putValue("debtorCountry", country).putValue("sector", sector)
                        .putValue("lastAgency", lastAgency).putValue("lastAgencyOutcome", lastOutcome))
                .getSingleResult().getEntryMap();

        assertThat(result.get("agencyId")).isEqualTo(agency);
        assertThat((String) result.get("selectionReason")).isNotBlank();
        assertThat(agencies.selected(agency).id()).as("configured").isEqualTo(agency);
    }
}

package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.agency.AgencyCases;
import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.legal.LegalCases;
import org.junit.jupiter.api.Test;

/**
 * The features Escalation hands an invoice to name the outcome their end message carries in their own
 * API (they cannot depend on collection, which depends on them); it must be the variable Escalation reads.
 */
class EscalationContractTest {

    @Test
    void theEndMessagesOfAgencyCourtAndInsurerCarryTheOutcomeEscalationReads() {
        assertThat(AgencyCases.OUTCOME_VARIABLE).isEqualTo(EscalationContract.OUTCOME);
        assertThat(LegalCases.OUTCOME_VARIABLE).isEqualTo(EscalationContract.OUTCOME);
        assertThat(InsuranceClaims.OUTCOME_VARIABLE).isEqualTo(EscalationContract.OUTCOME);
        assertThat(LegalCases.CLOSED).isEqualTo(EscalationContract.OUTCOME_CLOSED);
        assertThat(LegalCases.RETURNED).isEqualTo(EscalationContract.OUTCOME_RETURNED);
    }
}

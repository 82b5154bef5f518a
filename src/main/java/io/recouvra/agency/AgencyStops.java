package io.recouvra.agency;

import io.recouvra.agency.AgencyCase.Outcome;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What another feature may stop of an agency's work on an invoice. */
@Service
public class AgencyStops {

    private final AgencyCases cases;
    private final RuntimeService runtime;

    AgencyStops(AgencyCases cases, RuntimeService runtime) {
        this.cases = cases;
        this.runtime = runtime;
    }

    /**
     * Insolvency proceedings froze the claim (art. L622-21 C. com.: no individual action any more): the agency is told
     * to stop (recalled, with the reason), and the hand-off ends as if the agency had reported the debtor insolvent. A
     * case not handed over yet has no agency to tell; nothing happens for an invoice without an open case.
     */
    @Transactional
    public void stopForInsolvency(String invoiceNumber, String reason) {
        if (cases.recallOpenCases(invoiceNumber, reason)) {
            runtime.createMessageCorrelation(AgencyHandoffContract.MESSAGE_CASE_CLOSED).processInstanceBusinessKey(invoiceNumber)
                    .setVariable(AgencyHandoffContract.AGENCY_OUTCOME, Outcome.DEBTOR_INSOLVENT.name())
                    .correlateAll();
        }
    }
}

package io.recouvra.agency;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * The hand-back step reads the outcome the model set on the way: {@code handoffOutcome}, or, on an instance
 * still running on a model released before the rename, {@code escalationOutcome}.
 */
class AgencyHandBackTest {

    private final AgencyCases cases = mock(AgencyCases.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void theOutcomeIsReadFromTheModelsVariable() throws Exception {
        when(execution.getVariable(AgencyHandoffContract.INVOICE_NUMBER)).thenReturn("F-1");
        when(execution.hasVariable(AgencyHandoffContract.HANDOFF_OUTCOME)).thenReturn(true);
        when(execution.getVariable(AgencyHandoffContract.HANDOFF_OUTCOME)).thenReturn("CLOSED");

        new AgencySteps().handAgencyCaseBack(cases).execute(execution);

        verify(cases).handBack("F-1", AgencyCaseEnded.Outcome.CLOSED);
    }

    @Test
    void anInstanceOnAnOlderModelIsReadUnderTheOldName() throws Exception {
        when(execution.getVariable(AgencyHandoffContract.INVOICE_NUMBER)).thenReturn("F-2");
        when(execution.hasVariable(AgencyHandoffContract.HANDOFF_OUTCOME)).thenReturn(false);
        when(execution.getVariable(AgencyHandoffContract.HANDOFF_OUTCOME_BEFORE_RENAME)).thenReturn("RETURNED");

        new AgencySteps().handAgencyCaseBack(cases).execute(execution);

        verify(cases).handBack("F-2", AgencyCaseEnded.Outcome.RETURNED);
    }
}

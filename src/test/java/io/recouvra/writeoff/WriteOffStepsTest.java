package io.recouvra.writeoff;

import static io.recouvra.support.ProcessScopes.execution;
import static io.recouvra.support.ProcessScopes.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

import io.recouvra.support.FastTest;
import io.recouvra.web.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** The write-off steps on their own: the proposal a manager sees, the decision checked, the write-off booked. */
@FastTest
class WriteOffStepsTest {

    private final WriteOffSteps steps = new WriteOffSteps();
    private final WriteOffs writeOffs = mock(WriteOffs.class);
    private final IdentityService identity = mock(IdentityService.class);

    @Test
    void theManagerSeesTheAmountGivenUpAndTheVatInsideIt() throws Exception {
        given(writeOffs.propose("F-1")).willReturn(new WriteOffs.Proposal("1 200,00 €", "200,00 €", "20"));
        Map<String, Object> variables = variables("invoiceNumber", "F-1");

        steps.prepareWriteOffProposal(writeOffs).notify(task(variables));

        assertThat(variables).containsEntry("writeOffAmountDisplay", "1 200,00 €").containsEntry("writeOffVatDisplay", "200,00 €")
                .containsEntry("vatRate", "20");
    }

    @Test
    void anApprovalWithoutItsReasonIsRefusedNamingTheField() {
        for (Object reason : new Object[] {null, "BAD_LUCK"}) {
            Map<String, Object> variables = variables("writeOffApproved", true);
            variables.put("writeOffReason", reason);
            DelegateTask decision = task(variables);

            assertThatThrownBy(() -> steps.checkWriteOffDecision(identity).notify(decision))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refused -> assertThat(refused.problems().get(0).field()).isEqualTo("writeOffReason"));
            assertThat(variables).doesNotContainKey("writeOffApprovedBy");
        }
    }

    @Test
    void anApprovalRecordsTheManagerWhoGaveIt() throws Exception {
        given(identity.getCurrentAuthentication()).willReturn(new Authentication("marie.durand", List.of("managers")));
        Map<String, Object> variables = variables("writeOffApproved", true, "writeOffReason", "INSOLVENCY");

        steps.checkWriteOffDecision(identity).notify(task(variables));

        assertThat(variables).containsEntry("writeOffApprovedBy", "marie.durand");
    }

    @Test
    void anApprovalCompletedOutsideTasklistRecordsTheAssignee() throws Exception {
        Map<String, Object> variables = variables("writeOffApproved", true, "writeOffReason", "UNECONOMIC");
        DelegateTask decision = task(variables);
        given(decision.getAssignee()).willReturn("paul.martin");

        steps.checkWriteOffDecision(identity).notify(decision);

        assertThat(variables).containsEntry("writeOffApprovedBy", "paul.martin");
    }

    @Test
    void aRefusalNeedsNoReason() throws Exception {
        Map<String, Object> variables = variables("writeOffApproved", false);

        steps.checkWriteOffDecision(identity).notify(task(variables));

        assertThat(variables).doesNotContainKey("writeOffApprovedBy");
    }

    @Test
    void theWriteOffIsBookedWithTheReasonTheManagerGave() throws Exception {
        steps.writeOffInvoice(writeOffs).execute(execution(variables("invoiceNumber", "F-2", "writeOffReason", "PRESCRIBED",
                "writeOffNote", "five years without an act", "writeOffApprovedBy", "marie.durand")));

        then(writeOffs).should().writeOff("F-2", WriteOffReason.PRESCRIBED, "five years without an act", "marie.durand");
    }

    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}

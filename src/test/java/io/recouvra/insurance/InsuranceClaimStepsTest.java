package io.recouvra.insurance;

import static io.recouvra.support.ProcessScopes.execution;
import static io.recouvra.support.ProcessScopes.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import io.recouvra.insurance.InsuredInvoices.Check;
import io.recouvra.support.FastTest;
import io.recouvra.web.InvalidInputException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.junit.jupiter.api.Test;

/** The steps of credit-insurance-claim.bpmn on their own, with InsuranceClaims and InsuredInvoices mocked. */
@FastTest
class InsuranceClaimStepsTest {

    private final InsuranceClaims claims = mock(InsuranceClaims.class);
    private final InsuredInvoices insured = mock(InsuredInvoices.class);
    private final InsuranceClaimSteps steps = new InsuranceClaimSteps(ZoneId.of("Europe/Paris"));

    @Test
    void aDeclarationByHandNeedsTheInsurersReference() {
        Map<String, Object> variables = variables("declaredByHand", true, "declarationReference", "  ");

        assertThatThrownBy(() -> steps.checkDeclarationByHand(claims).notify(task(variables)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems().get(0).field()).isEqualTo("declarationReference"));
        then(claims).should(never()).declaredByHand(anyString(), anyString());
    }

    @Test
    void notDeclaringByHandNeedsAReason() {
        Map<String, Object> variables = variables("declaredByHand", false);

        assertThatThrownBy(() -> steps.checkDeclarationByHand(claims).notify(task(variables)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refused -> assertThat(refused.problems().get(0).field()).isEqualTo("notDeclaredReason"));
        then(claims).should(never()).notDeclaredByHand(anyString(), anyString());
    }

    @Test
    void aDeclarationByHandIsRecordedAndSaysWhetherItWasLate() throws Exception {
        given(claims.declaredByHand("F-1", "ATR-2026-118")).willReturn(true);
        Map<String, Object> variables = variables("declaredByHand", true, "declarationReference", " ATR-2026-118 ");

        steps.checkDeclarationByHand(claims).notify(task(variables));

        assertThat(variables).containsEntry("declaredLate", true);
    }

    @Test
    void aReasonNotToDeclareIsRecorded() throws Exception {
        steps.checkDeclarationByHand(claims).notify(task(variables("declaredByHand", false, "notDeclaredReason", " paid since ")));

        then(claims).should().notDeclaredByHand("F-1", "paid since");
    }

    @Test
    void aDeclarationTheInsurerRefusesToTakeIsTheModelsError() {
        given(claims.declare("F-1")).willThrow(new InsuranceClaims.DeclarationFailed("the policy number is unknown to the insurer"));

        assertThatThrownBy(() -> steps.declareOverdue(claims).execute(execution(variables())))
                .isInstanceOfSatisfying(BpmnError.class, error -> {
                    assertThat(error.getErrorCode()).isEqualTo("DECLARATION_FAILED");
                    assertThat(error.getMessage()).contains("the policy number is unknown to the insurer");
                });
    }

    @Test
    void anInvoiceNotToDeclareSaysWhyAndTheClaimNotesIt() throws Exception {
        given(insured.check("F-1", true)).willReturn(new Check("NOT_DECLARED", "covered share is zero"));
        Map<String, Object> variables = variables("declarationAskedFor", true);

        steps.checkDeclaration(insured, claims).execute(execution(variables));

        assertThat(variables).containsEntry("declarationCheck", "NOT_DECLARED").containsEntry("notDeclaredReason", "covered share is zero")
                .doesNotContainKey("declarationAskedFor");
        then(claims).should().noteNotDeclared("F-1", "covered share is zero");
    }

    @Test
    void anInvoiceToWaitForIsNoteOfNothing() throws Exception {
        given(insured.check("F-1", false)).willReturn(new Check("WAIT", null));
        Map<String, Object> variables = variables();

        steps.checkDeclaration(insured, claims).execute(execution(variables));

        assertThat(variables).containsEntry("declarationCheck", "WAIT").doesNotContainKey("notDeclaredReason");
        then(claims).should(never()).noteNotDeclared(anyString(), anyString());
    }

    /** The claim of invoice F-1, with these variables. */
    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invoiceNumber", "F-1");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }
}

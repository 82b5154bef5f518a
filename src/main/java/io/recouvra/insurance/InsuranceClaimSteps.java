package io.recouvra.insurance;

import io.recouvra.insurance.InsuredInvoices.Check;
import io.recouvra.insurance.InsuredInvoices.InsuredInvoice;
import io.recouvra.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of credit-insurance-claim.bpmn: each reads the invoice number, does one step, and says what the model needs. */
@Configuration
class InsuranceClaimSteps {

    private final ZoneId zone;

    InsuranceClaimSteps(@Value("${recouvra.zone}") ZoneId zone) {
        this.zone = zone;
    }

    @Bean
    JavaDelegate computeDeclarationDeadline(InsuredInvoices insured) {
        return execution -> {
            InsuredInvoice watched = insured.recomputeDeadline(number(execution));
            execution.setVariable("declarationDeadline", watched.declarationDeadline().toString());
            execution.setVariable("declareByAt", startOf(watched.declareBy()));
        };
    }

    @Bean
    JavaDelegate checkDeclaration(InsuredInvoices insured, InsuranceClaims claims) {
        return execution -> {
            boolean askedEarly = Boolean.TRUE.equals(execution.getVariable("declarationAskedFor"));
            execution.removeVariable("declarationAskedFor");
            Check check = insured.check(number(execution), askedEarly);
            execution.setVariable("declarationCheck", check.outcome());
            if (Check.NOT_DECLARED.equals(check.outcome())) {
                execution.setVariable("notDeclaredReason", check.reason());
                claims.noteNotDeclared(number(execution), check.reason());
            }
        };
    }

    @Bean
    JavaDelegate declareOverdue(InsuranceClaims claims) {
        return execution -> {
            try {
                execution.setVariable("declaredLate", claims.declare(number(execution)));
            } catch (InsuranceClaims.DeclarationFailed failed) {
                throw new BpmnError("DECLARATION_FAILED", failed.getMessage());
            }
        };
    }

    /** A credit manager declared by hand, or says why not: checked when the task is completed, the field named. */
    @Bean
    TaskListener checkDeclarationByHand(InsuranceClaims claims) {
        return task -> {
            String number = (String) task.getVariable("invoiceNumber");
            boolean declared = Boolean.TRUE.equals(task.getVariable("declaredByHand"));
            String reference = (String) task.getVariable("declarationReference");
            String reason = (String) task.getVariable("notDeclaredReason");
            if (declared && (reference == null || reference.isBlank())) {
                throw new InvalidInputException("declarationReference", "the insurer's reference is required when it is declared");
            }
            if (!declared && (reason == null || reason.isBlank())) {
                throw new InvalidInputException("notDeclaredReason", "say why it is not declared");
            }
            if (declared) {
                task.setVariable("declaredLate", claims.declaredByHand(number, reference.trim()));
            } else {
                claims.notDeclaredByHand(number, reason.trim());
            }
        };
    }

    @Bean
    JavaDelegate handOverToInsurer(InsuranceClaims claims) {
        return execution -> execution.setVariable(CreditInsuranceClaimContract.CLAIM_FROM, startOf(claims.handOver(number(execution))));
    }

    @Bean
    JavaDelegate fileClaim(InsuranceClaims claims) {
        return execution -> execution.setVariable(CreditInsuranceClaimContract.CLAIM_STATUS, claims.fileClaim(number(execution)));
    }

    @Bean
    JavaDelegate readClaim(InsuranceClaims claims) {
        return execution -> execution.setVariable(CreditInsuranceClaimContract.CLAIM_STATUS, claims.readClaim(number(execution)));
    }

    @Bean
    JavaDelegate closeInsuranceClaim(InsuranceClaims claims) {
        return execution -> claims.tellInvoice(number(execution));
    }

    @Bean
    JavaDelegate reportPaymentsToInsurer(InsuranceClaims claims) {
        return execution -> claims.reportPayments(number(execution));
    }

    @Bean
    JavaDelegate reportDisputeToInsurer(InsuranceClaims claims) {
        return execution -> claims.reportDispute(number(execution), (String) execution.getVariable("disputeReason"));
    }

    @Bean
    JavaDelegate closeSettledInsuranceCase(InsuranceClaims claims) {
        return execution -> claims.closeSettled(number(execution));
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    private static String number(DelegateExecution execution) {
        return (String) execution.getVariable("invoiceNumber");
    }
}

package io.recouvra.writeoff;

import io.recouvra.web.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The write-off steps of invoice-collection.bpmn: the proposal shown to the manager, the decision checked, the write-off. */
@Configuration
class WriteOffSteps {

    /** On the approval task: the amount and the VAT inside it, for the form. */
    @Bean
    TaskListener prepareWriteOffProposal(WriteOffs writeOffs) {
        return task -> {
            WriteOffs.Proposal proposal = writeOffs.propose((String) task.getVariable("invoiceNumber"));
            task.setVariable("writeOffAmountDisplay", proposal.amountDisplay());
            task.setVariable("writeOffVatDisplay", proposal.vatIncludedDisplay());
            task.setVariable("vatRate", proposal.vatRate());
        };
    }

    /** An approval names its reason (it decides the VAT note); refused otherwise, with the field named. Records who approved. */
    @Bean
    TaskListener checkWriteOffDecision(IdentityService identity) {
        return task -> {
            if (!Boolean.TRUE.equals(task.getVariable("writeOffApproved"))) {
                return;
            }
            requireReason(task);
            Authentication user = identity.getCurrentAuthentication();
            task.setVariable("writeOffApprovedBy", user != null ? user.getUserId() : task.getAssignee());
        };
    }

    @Bean
    JavaDelegate writeOffInvoice(WriteOffs writeOffs) {
        return execution -> writeOffs.writeOff((String) execution.getVariable("invoiceNumber"),
                WriteOffReason.valueOf((String) execution.getVariable("writeOffReason")), (String) execution.getVariable("writeOffNote"),
                (String) execution.getVariable("writeOffApprovedBy"));
    }

    private static void requireReason(DelegateTask task) {
        Object reason = task.getVariable("writeOffReason");
        try {
            WriteOffReason.valueOf((String) reason);
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw new InvalidInputException("writeOffReason", "say why the debt is written off: one of " + Arrays.toString(WriteOffReason.values()));
        }
    }
}

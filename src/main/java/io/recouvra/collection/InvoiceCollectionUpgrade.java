package io.recouvra.collection;

import io.recouvra.engine.ProcessUpgrade;
import io.recouvra.engine.UpgradeInstructions;
import org.springframework.stereotype.Component;

/**
 * How running InvoiceCollection instances move to the latest invoice-collection.bpmn: the lines each model
 * change needs beyond equal element ids, newest last. A change that renames, re-triggers or moves a wait adds its
 * lines here, with the commit that made it.
 */
@Component
class InvoiceCollectionUpgrade implements ProcessUpgrade {

    /** The call activity the escalation moved into; its first gateway ("Resume at?") reads EscalationContract.RESUME_AT. */
    static final String ESCALATION_CALL = "CallActivity_Escalation";
    /**
     * A plain message wait of the process level that every version has and that has no listener: where the token of
     * an escalation wait is handed over, within one transaction, while the instance changes version.
     */
    static final String HAND_OVER_WAIT = "Event_HoldReleasedNoEnd";

    @Override
    public String processKey() {
        return InvoiceCollectionContract.PROCESS_KEY;
    }

    @Override
    public void instruct(UpgradeInstructions instructions) {
        // 9e3c680, e2416fa, 083e532 (after 0440554): the approval threshold, the notice's payment deadline and the
        // reassessment delay are decision table outputs. No element changed id, so equal ids map every wait. No new
        // trigger on purpose: a reassessment timer already set keeps the 30 days its case was given; a notice not
        // sent yet reads its deadline from the strategy (8 days when the strategy was chosen before the table had it).

        // PromiseMadeOnline (issue 16): a new boundary event on SubProcess_Collection and a new wait inside it
        // (Timer_OnlinePromiseDue). No wait changed id, so equal ids map them all; the engine creates the new
        // boundary event's subscription for each instance migrated inside the Collection (InvoiceCollectionUpgradeTest).

        // Issue 18 (insolvency): a new interrupting event sub-process, "Insolvency proceedings opened" (message
        // InsolvencyOpened). No wait changed id, so equal ids map them all; the engine creates the new start event's
        // subscription for each migrated instance, so a case running before the release stops too.

        // The escalation split: the escalation's waits move into the Escalation process, called by
        // CallActivity_Escalation. An instance waiting at one re-enters the call activity at that wait. These lines
        // apply only to a version that has the wait, migrated to one that has the call activity instead.
        escalationWait(instructions, "Task_ApproveEscalation", EscalationContract.RESUME_AT_APPROVAL);
        escalationWait(instructions, "Task_ApproveWriteOff", EscalationContract.RESUME_AT_WRITE_OFF_APPROVAL);
        escalationWait(instructions, "Task_AgencyHandoff", EscalationContract.RESUME_AT_AGENCY_OUTCOME);
        escalationWait(instructions, "Task_LegalInjunction", EscalationContract.RESUME_AT_COURT_OUTCOME);
        escalationWait(instructions, "Event_InsuranceClaimEnded", EscalationContract.RESUME_AT_INSURER_OUTCOME);
        escalationWait(instructions, "Timer_ReassessEscalation", EscalationContract.RESUME_AT_REASSESSMENT);
    }

    private static void escalationWait(UpgradeInstructions instructions, String waitId, String resumeAt) {
        instructions.reEnter(waitId, ESCALATION_CALL, EscalationContract.RESUME_AT, resumeAt, HAND_OVER_WAIT);
    }
}

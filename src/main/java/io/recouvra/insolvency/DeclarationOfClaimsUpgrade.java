package io.recouvra.insolvency;

import io.recouvra.engine.ProcessUpgrade;
import io.recouvra.engine.UpgradeInstructions;
import org.springframework.stereotype.Component;

/**
 * How running DeclarationOfClaims instances move to the latest declaration-of-claims.bpmn: the lines each model
 * change needs beyond equal element ids, newest last.
 */
@Component
class DeclarationOfClaimsUpgrade implements ProcessUpgrade {

    @Override
    public String processKey() {
        return DeclarationOfClaimsContract.PROCESS_KEY;
    }

    @Override
    public void instruct(UpgradeInstructions instructions) {
        // Issue 18 (closing of the proceedings): a new interrupting event sub-process, "Clôture de la procédure"
        // (message ProceedingsClosed by the proceedings id). No wait changed id, so equal ids map them all, and the
        // engine creates the new start event's subscription for each migrated instance: a declaration running before
        // the release hears the closing too.
    }
}

package io.recouvra.insolvency;

import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.insurance.InsuranceClaims;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The credit insurer told of proceedings against a buyer it insures, in the transaction that records them: the
 * judgment is a claim event under the policy, and the buyer's insured invoices born before it are declared at once
 * ({@link InsuranceClaims#buyerInsolvent}). The declaration of claims' preparation tells it again if this failed.
 */
@Component
class InsurerToldOfInsolvency {

    private final InsolvencyProceedingsService register;
    private final InsuranceClaims insurance;

    InsurerToldOfInsolvency(InsolvencyProceedingsService register, InsuranceClaims insurance) {
        this.register = register;
        this.insurance = insurance;
    }

    @EventListener
    void opened(InsolvencyOpened opened) {
        tell(opened.proceedingsId());
    }

    /** Returns whether the insurer knows of the proceedings (false too when it insures nothing of the buyer's). */
    boolean tell(UUID proceedingsId) {
        InsolvencyProceedings proceedings = register.find(proceedingsId);
        return insurance.buyerInsolvent(proceedings.getCustomerId(), new InsolvencyNotice(proceedings.getKind().name(),
                proceedings.getJudgmentDate(), proceedings.getCourt(), proceedings.getRepresentativeName()));
    }
}

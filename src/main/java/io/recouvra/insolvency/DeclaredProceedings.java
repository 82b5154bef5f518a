package io.recouvra.insolvency;

import io.recouvra.receivables.CustomerService;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the declaration of claims needs to know of the proceedings it is made in, read from the proceedings' register. */
@Component
class DeclaredProceedings {

    /** @param representativeTitle who receives the declaration: the liquidator in a liquidation, the mandataire judiciaire otherwise */
    record Facts(UUID proceedingsId, UUID customerId, String customerName, String kindLabel, String representativeTitle, LocalDate judgmentDate, String court,
                 String representativeName, String representativeAddress, String representativeEmail, LocalDate bodaccPublishedOn,
                 boolean outsideMetropolitanFrance) {
    }

    private final InsolvencyProceedingsService register;
    private final CustomerService customers;

    DeclaredProceedings(InsolvencyProceedingsService register, CustomerService customers) {
        this.register = register;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    Facts facts(UUID proceedingsId) {
        InsolvencyProceedings p = register.find(proceedingsId);
        return new Facts(p.getId(), p.getCustomerId(), customers.get(p.getCustomerId()).getLegalName(), frenchName(p.getKind()),
                p.getKind() == ProceedingsKind.LIQUIDATION ? "liquidateur judiciaire" : "mandataire judiciaire",
                p.getJudgmentDate(), p.getCourt(), p.getRepresentativeName(), p.getRepresentativeAddress(), p.getRepresentativeEmail(),
                p.getBodaccPublishedOn(), p.isOutsideMetropolitanFrance());
    }

    static String frenchName(ProceedingsKind kind) {
        return switch (kind) {
            case SAFEGUARD -> "procédure de sauvegarde";
            case RECEIVERSHIP -> "redressement judiciaire";
            case LIQUIDATION -> "liquidation judiciaire";
        };
    }
}

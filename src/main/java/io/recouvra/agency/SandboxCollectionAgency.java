package io.recouvra.agency;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated agency for the embedded run: it accepts every case at once under a reference of its own,
 * and hears of direct payments and recalls. {@link SandboxAgencyWork} then works its cases and calls back
 * through the signed webhook, as a real agency would.
 */
class SandboxCollectionAgency implements CollectionAgency {

    private static final Logger log = LoggerFactory.getLogger(SandboxCollectionAgency.class);

    private final String agencyId;

    SandboxCollectionAgency(String agencyId) {
        this.agencyId = agencyId;
    }

    @Override
    public String transfer(CaseFile file) {
        log.info("Sandbox agency {} takes case {} for invoice {}: {} {}", agencyId, file.reference().caseId(),
                file.reference().invoiceNumber(), file.amounts().total(), file.amounts().currency());
        return "SBX-" + file.reference().caseId().toString().substring(0, 8).toUpperCase();
    }

    @Override
    public void reportDirectPayment(String agencyReference, CaseFile.Reference reference, BigDecimal amount, String currency,
                                    LocalDate paidOn) {
        log.info("Sandbox agency {} told of {} {} paid directly on {} ({})", agencyId, amount, currency, paidOn, agencyReference);
    }

    @Override
    public void recall(String agencyReference, CaseFile.Reference reference, String reason) {
        log.info("Sandbox agency {} recalled from {}: {}", agencyId, agencyReference, reason);
    }
}

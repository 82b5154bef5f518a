package io.recouvra.agency;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One invoice handed to one agency, from the hand-over to its outcome. */
@Entity
class AgencyCase extends AssignedIdEntity {

    enum Outcome {
        RECOVERED, PARTLY_RECOVERED, UNRECOVERABLE, DEBTOR_INSOLVENT, RETURNED, MANDATE_EXPIRED, PAID_DIRECTLY, WRITTEN_OFF,
        CANCELLED
    }

    private String agencyId;
    private UUID invoiceId;
    private UUID customerId;
    private String invoiceNumber;
    private String currency;
    private BigDecimal principal;
    private BigDecimal interest;
    private BigDecimal indemnityEur;
    private Instant openedAt;
    private Instant transferredAt;
    private String agencyReference;
    private LocalDate mandateEndsOn;
    private BigDecimal reportedDirect = BigDecimal.ZERO;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private Instant closedAt;

    protected AgencyCase() {
    }

    AgencyCase(String agencyId, UUID invoiceId, UUID customerId, String invoiceNumber, String currency, BigDecimal principal,
               BigDecimal interest, BigDecimal indemnityEur, Instant openedAt, LocalDate mandateEndsOn) {
        this.agencyId = agencyId;
        this.invoiceId = invoiceId;
        this.customerId = customerId;
        this.invoiceNumber = invoiceNumber;
        this.currency = currency;
        this.principal = principal;
        this.interest = interest;
        this.indemnityEur = indemnityEur;
        this.openedAt = openedAt;
        this.mandateEndsOn = mandateEndsOn;
    }

    void transferred(String reference, Instant at) {
        this.agencyReference = reference;
        this.transferredAt = at;
    }

    void reportedDirect(BigDecimal amount) {
        reportedDirect = reportedDirect.add(amount);
    }

    void close(Outcome how, Instant at) {
        if (closedAt == null) {
            this.outcome = how;
            this.closedAt = at;
        }
    }

    boolean isOpen() {
        return closedAt == null;
    }

    CaseFile.Reference reference() {
        return new CaseFile.Reference(getId(), invoiceNumber);
    }

    String getAgencyId() {
        return agencyId;
    }

    UUID getInvoiceId() {
        return invoiceId;
    }

    UUID getCustomerId() {
        return customerId;
    }

    String getInvoiceNumber() {
        return invoiceNumber;
    }

    String getCurrency() {
        return currency;
    }

    BigDecimal getPrincipal() {
        return principal;
    }

    BigDecimal getInterest() {
        return interest;
    }

    BigDecimal getIndemnityEur() {
        return indemnityEur;
    }

    Instant getTransferredAt() {
        return transferredAt;
    }

    String getAgencyReference() {
        return agencyReference;
    }

    LocalDate getMandateEndsOn() {
        return mandateEndsOn;
    }

    BigDecimal getReportedDirect() {
        return reportedDirect;
    }

    Outcome getOutcome() {
        return outcome;
    }

    Instant getClosedAt() {
        return closedAt;
    }
}

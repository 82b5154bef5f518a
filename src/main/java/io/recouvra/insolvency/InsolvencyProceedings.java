package io.recouvra.insolvency;

import io.recouvra.database.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Insolvency proceedings opened against one customer, as the opening judgment says. The judgment's date splits the
 * customer's claims: those born before it are frozen and declared, those born after it are collected as usual.
 */
@Entity
public class InsolvencyProceedings extends AssignedIdEntity {

    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private ProceedingsKind kind;
    /** The kind the opening judgment gave them; {@link #kind} is the latest, after any conversion. */
    @Enumerated(EnumType.STRING)
    private ProceedingsKind openedAs;
    private LocalDate judgmentDate;
    private String court;
    private String representativeName;
    private String representativeAddress;
    private String representativeEmail;
    private LocalDate bodaccPublishedOn;
    @Enumerated(EnumType.STRING)
    private ReportedBy reportedBy;
    private Instant reportedAt;
    private boolean outsideMetropolitanFrance;
    @Enumerated(EnumType.STRING)
    private ProceedingsStatus status;
    @Enumerated(EnumType.STRING)
    private ClosingKind closingKind;
    private LocalDate closingJudgmentDate;
    private String closingNote;
    private Instant closedAt;

    protected InsolvencyProceedings() {
    }

    InsolvencyProceedings(UUID customerId, ProceedingsReport report, Instant reportedAt) {
        this.customerId = customerId;
        this.kind = report.kind();
        this.openedAs = report.kind();
        this.judgmentDate = report.judgmentDate();
        this.court = report.court();
        this.representativeName = report.representativeName();
        this.representativeAddress = report.representativeAddress();
        this.representativeEmail = report.representativeEmail();
        this.bodaccPublishedOn = report.bodaccPublishedOn();
        this.reportedBy = report.reportedBy();
        this.reportedAt = reportedAt;
        this.outsideMetropolitanFrance = report.outsideMetropolitanFrance();
        this.status = ProceedingsStatus.OPEN;
    }

    void bodaccPublished(LocalDate on) {
        this.bodaccPublishedOn = on;
    }

    /** A judgment converted them: the court and the representative change only when given. */
    void convertInto(ProceedingsKind into, String newCourt, String newRepresentativeName, String newRepresentativeAddress) {
        this.kind = into;
        if (newCourt != null) {
            this.court = newCourt;
        }
        if (newRepresentativeName != null) {
            this.representativeName = newRepresentativeName;
            this.representativeAddress = newRepresentativeAddress;
        }
    }

    /** A judgment closed them; the record stays, with how and when, and frees the customer for new proceedings. */
    void close(ProceedingsClosing closing, Instant at) {
        this.status = ProceedingsStatus.CLOSED;
        this.closingKind = closing.kind();
        this.closingJudgmentDate = closing.judgmentDate();
        this.closingNote = closing.note();
        this.closedAt = at;
    }

    /**
     * A judgment reopened them (art. L643-13 C. com.): the same proceedings resume, open again; the closing they undo is
     * kept apart (table insolvency_reopening) by whoever calls this.
     */
    void reopen() {
        this.status = ProceedingsStatus.OPEN;
        this.closingKind = null;
        this.closingJudgmentDate = null;
        this.closingNote = null;
        this.closedAt = null;
    }

    public ClosingKind getClosingKind() {
        return closingKind;
    }

    public LocalDate getClosingJudgmentDate() {
        return closingJudgmentDate;
    }

    public String getClosingNote() {
        return closingNote;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public ProceedingsKind getOpenedAs() {
        return openedAs;
    }

    /** A claim born on that day is frozen by these proceedings: born before the opening judgment (art. L622-21). */
    public boolean freezes(LocalDate bornOn) {
        return bornOn.isBefore(judgmentDate);
    }

    /** The court and the representative are known (a report by the bureau or the insurer may lack them). */
    public boolean isComplete() {
        return court != null && representativeName != null && representativeAddress != null;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public ProceedingsKind getKind() {
        return kind;
    }

    public LocalDate getJudgmentDate() {
        return judgmentDate;
    }

    public String getCourt() {
        return court;
    }

    public String getRepresentativeName() {
        return representativeName;
    }

    public String getRepresentativeAddress() {
        return representativeAddress;
    }

    public String getRepresentativeEmail() {
        return representativeEmail;
    }

    public LocalDate getBodaccPublishedOn() {
        return bodaccPublishedOn;
    }

    public ReportedBy getReportedBy() {
        return reportedBy;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public boolean isOutsideMetropolitanFrance() {
        return outsideMetropolitanFrance;
    }

    public ProceedingsStatus getStatus() {
        return status;
    }
}

package io.recouvra.legal;

import io.recouvra.legal.Prescriptions.Act;
import io.recouvra.legal.Prescriptions.Prescription;
import io.recouvra.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Legal", description = "Injunction-to-pay cases, their documents, and the prescription of each claim")
class LegalController {

    private final LegalCases cases;
    private final InjunctionRequests requests;
    private final Prescriptions prescriptions;

    LegalController(LegalCases cases, InjunctionRequests requests, Prescriptions prescriptions) {
        this.cases = cases;
        this.requests = requests;
        this.prescriptions = prescriptions;
    }

    record LegalCaseView(String invoiceNumber, LegalCase.Stage stage, String courtName, String currency, BigDecimal principal,
                         BigDecimal interest, BigDecimal indemnity, BigDecimal otherCosts, BigDecimal totalClaimed,
                         LocalDate interestAsOf, LocalDate filedOn, String courtReference, String decision,
                         LocalDate orderDate, BigDecimal amountGranted, LocalDate servedOn, LegalCase.ServiceMode serviceMode,
                         LocalDate oppositionWindowEnds, LocalDate personalNoticeOn, LocalDate assetsUnavailableOn,
                         LocalDate oppositionFiledOn, LocalDate hearingDate, LocalDate formulaAffixedOn,
                         String enforcementOutcome, BigDecimal amountRecovered, String outcome, String outcomeReason) {

        static LegalCaseView of(LegalCase c) {
            return new LegalCaseView(c.invoiceNumber(), c.stage(), c.courtName(), c.currency(), c.principal(), c.interest(),
                    c.indemnity(), c.otherCosts(), c.totalClaimed(), c.interestAsOf(), c.filedOn(), c.courtReference(),
                    c.decision(), c.orderDate(), c.amountGranted(), c.servedOn(), c.serviceMode(), c.oppositionWindowEnds(),
                    c.personalNoticeOn(), c.assetsUnavailableOn(),
                    c.oppositionFiledOn(), c.hearingDate(), c.formulaAffixedOn(), c.enforcementOutcome(), c.amountRecovered(),
                    c.outcome(), c.outcomeReason());
        }
    }

    /** @param filedOn the day the debtor filed the opposition with the court's clerk */
    record Opposition(LocalDate filedOn) {
    }

    /** @param signedOn the day the debtor signed it */
    record Acknowledgement(LocalDate signedOn, @Size(max = 500) String note) {
    }

    @GetMapping("/api/v1/legal-cases/{invoiceNumber}")
    @Operation(summary = "The invoice's injunction case (the open one, or else the latest): claim, court steps, outcome")
    LegalCaseView legalCase(@PathVariable String invoiceNumber) {
        return LegalCaseView.of(cases.current(invoiceNumber));
    }

    @GetMapping(value = "/api/v1/legal-cases/{invoiceNumber}/request.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The injunction request (PDF) as last built")
    ResponseEntity<byte[]> request(@PathVariable String invoiceNumber) {
        return download(requests.requestPdf(invoiceNumber), "requete-injonction-de-payer-" + invoiceNumber + ".pdf",
                MediaType.APPLICATION_PDF);
    }

    @GetMapping(value = "/api/v1/legal-cases/{invoiceNumber}/bundle.zip", produces = "application/zip")
    @Operation(summary = "The request, the formal notices as sent and the interaction history (CSV), in one ZIP")
    ResponseEntity<byte[]> bundle(@PathVariable String invoiceNumber) {
        return download(requests.bundle(invoiceNumber), "dossier-injonction-" + invoiceNumber + ".zip",
                MediaType.parseMediaType("application/zip"));
    }

    @PostMapping("/api/v1/legal-cases/{invoiceNumber}/opposition")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The court reports the debtor's opposition to the order: the case goes to a hearing")
    void opposition(@PathVariable String invoiceNumber, @RequestBody Opposition opposition) {
        cases.opposed(invoiceNumber, opposition.filedOn());
    }

    @GetMapping("/api/v1/invoices/{invoiceNumber}/prescription")
    @Operation(summary = "When the invoice's claim becomes time-barred, and the acts that interrupted its prescription")
    Prescription prescription(@PathVariable String invoiceNumber) {
        return prescriptions.of(invoiceNumber);
    }

    @PostMapping("/api/v1/invoices/{invoiceNumber}/prescription/acknowledgements")
    @Operation(summary = "Records an acknowledgement of the debt signed by the debtor (Code civil 2240): the five years start "
            + "again, unless the claim was already time-barred when it was signed (then counted is false and ignoredBecause says why)")
    Prescriptions.RecordedAct acknowledgement(@PathVariable String invoiceNumber, @Valid @RequestBody Acknowledgement acknowledgement,
                                              Principal user) {
        if (acknowledgement.signedOn() == null) {
            throw new InvalidInputException("signedOn", "the day the debtor signed the acknowledgement is required");
        }
        return prescriptions.record(invoiceNumber, Act.ACKNOWLEDGEMENT, acknowledgement.signedOn(), acknowledgement.note(),
                user == null ? null : user.getName());
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(content);
    }
}

package io.recouvra.insolvency;

import io.recouvra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Insolvency proceedings of a customer, reported by a person or an integrator (docs/insolvency.md). */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/insolvency-proceedings")
@Tag(name = "Insolvency", description = "Insolvency proceedings (procédures collectives) and the stop they bring")
class InsolvencyController {

    private final InsolvencyProceedingsService service;

    InsolvencyController(InsolvencyProceedingsService service) {
        this.service = service;
    }

    /** The reporter is a person: whoever calls the API answers for the report (the trail names them). */
    @PostMapping
    @Operation(summary = "Report proceedings opened by a judgment: every automated action on the claims born before it stops")
    ResponseEntity<ProceedingsView> report(@PathVariable UUID customerId, @RequestBody NewProceedings request) {
        InsolvencyProceedings opened = service.report(customerId, new ProceedingsReport(request.kind(),
                request.judgmentDate(), trimmed(request.court()), trimmed(request.representativeName()),
                trimmed(request.representativeAddress()), trimmed(request.representativeEmail()),
                request.bodaccPublishedOn(), ReportedBy.PERSON, Boolean.TRUE.equals(request.outsideMetropolitanFrance())));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/insolvency-proceedings/" + opened.getId()))
                .body(ProceedingsView.of(opened));
    }

    @GetMapping
    @Operation(summary = "The customer's proceedings, the latest judgment first")
    List<ProceedingsView> list(@PathVariable UUID customerId) {
        return service.ofCustomer(customerId).stream().map(ProceedingsView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One proceedings")
    ProceedingsView one(@PathVariable UUID customerId, @PathVariable UUID id) {
        return ProceedingsView.of(ofCustomer(customerId, id));
    }

    @PostMapping("/{id}/bodacc-publication")
    @Operation(summary = "The day the opening judgment was published in the BODACC: the deadline to declare claims runs from it")
    ProceedingsView bodaccPublication(@PathVariable UUID customerId, @PathVariable UUID id,
                                      @RequestBody BodaccPublication request) {
        ofCustomer(customerId, id);
        return ProceedingsView.of(service.recordBodaccPublication(id, request.publishedOn()));
    }

    /** The officer who records the conversion answers for it (the trail names them). */
    @PostMapping("/{id}/conversions")
    @Operation(summary = "A judgment converting the proceedings into another kind (safeguard into receivership or liquidation, "
            + "receivership into liquidation): the same proceedings go on, nothing is declared again")
    ProceedingsView convert(@PathVariable UUID customerId, @PathVariable UUID id, @RequestBody NewConversion request) {
        ofCustomer(customerId, id);
        return ProceedingsView.of(service.convert(id, new ProceedingsConversion(request.kind(), request.judgmentDate(),
                trimmed(request.court()), trimmed(request.representativeName()), trimmed(request.representativeAddress()))));
    }

    /** The officer who records the closing answers for it (the trail names them). */
    @PostMapping("/{id}/closing")
    @Operation(summary = "The judgment closing the proceedings: plan carried out, liquidation closed for insufficient assets "
            + "(the declared claims still unpaid are written off) or because the debts were paid; the declaration of claims ends")
    ProceedingsView close(@PathVariable UUID customerId, @PathVariable UUID id, @RequestBody NewClosing request) {
        ofCustomer(customerId, id);
        return ProceedingsView.of(service.close(id, new ProceedingsClosing(request.kind(), request.judgmentDate(), trimmed(request.note()))));
    }

    /** The officer who records the reopening answers for it (the trail names them). */
    @PostMapping("/{id}/reopening")
    @Operation(summary = "The judgment reopening a liquidation closed for insufficient assets (art. L643-13 C. com.): the same "
            + "proceedings resume; the declared claims stay declared, those written off stay written off and a legal officer is asked to follow them")
    ProceedingsView reopen(@PathVariable UUID customerId, @PathVariable UUID id, @RequestBody NewReopening request) {
        ofCustomer(customerId, id);
        return ProceedingsView.of(service.reopen(id, new ProceedingsReopening(request.judgmentDate(), trimmed(request.note()))));
    }

    @GetMapping("/{id}/judgments")
    @Operation(summary = "The proceedings' judgments: the opening one, then each conversion, closing and reopening, the oldest first")
    List<JudgmentView> judgments(@PathVariable UUID customerId, @PathVariable UUID id) {
        InsolvencyProceedings found = ofCustomer(customerId, id);
        List<JudgmentView> judgments = new ArrayList<>();
        judgments.add(new JudgmentView("OPENING", found.getOpenedAs(), found.getJudgmentDate(), null));
        service.conversions(id).forEach(c -> judgments.add(new JudgmentView("CONVERSION", c.kind(), c.judgmentDate(), c.from())));
        // a liquidation is the last kind: its closings and reopenings come after every conversion
        service.reopenings(id).forEach(r -> {
            judgments.add(new JudgmentView("CLOSING", ProceedingsKind.LIQUIDATION, r.closedOn(), null));
            judgments.add(new JudgmentView("REOPENING", ProceedingsKind.LIQUIDATION, r.judgmentDate(), null));
        });
        if (found.getClosingKind() != null) {
            judgments.add(new JudgmentView("CLOSING", found.getKind(), found.getClosingJudgmentDate(), null));
        }
        return judgments;
    }

    private InsolvencyProceedings ofCustomer(UUID customerId, UUID id) {
        InsolvencyProceedings found = service.find(id);
        if (!found.getCustomerId().equals(customerId)) {
            throw new NotFoundException("No insolvency proceedings " + id + " for customer " + customerId);
        }
        return found;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record NewProceedings(ProceedingsKind kind, LocalDate judgmentDate, String court, String representativeName,
                          String representativeAddress, String representativeEmail, LocalDate bodaccPublishedOn,
                          Boolean outsideMetropolitanFrance) {
    }

    record BodaccPublication(LocalDate publishedOn) {
    }

    record NewConversion(ProceedingsKind kind, LocalDate judgmentDate, String court, String representativeName,
                         String representativeAddress) {
    }

    record NewClosing(ClosingKind kind, LocalDate judgmentDate, String note) {
    }

    record NewReopening(LocalDate judgmentDate, @Size(max = 1000) String note) {
    }

    /** One judgment of the proceedings: what it opened or converted them into, and from what. */
    record JudgmentView(String judgment, ProceedingsKind kind, LocalDate judgmentDate, ProceedingsKind convertedFrom) {
    }

    /** {@code kind} is the latest, after any conversion; {@code openedAs} the opening judgment's. */
    record ProceedingsView(UUID id, UUID customerId, ProceedingsKind kind, ProceedingsKind openedAs, LocalDate judgmentDate,
                           String court, String representativeName, String representativeAddress, String representativeEmail,
                           LocalDate bodaccPublishedOn, ReportedBy reportedBy, Instant reportedAt,
                           boolean outsideMetropolitanFrance, ProceedingsStatus status, boolean complete,
                           ClosingKind closingKind, LocalDate closingJudgmentDate, String closingNote, Instant closedAt) {

        static ProceedingsView of(InsolvencyProceedings p) {
            return new ProceedingsView(p.getId(), p.getCustomerId(), p.getKind(), p.getOpenedAs(), p.getJudgmentDate(),
                    p.getCourt(), p.getRepresentativeName(), p.getRepresentativeAddress(), p.getRepresentativeEmail(),
                    p.getBodaccPublishedOn(), p.getReportedBy(), p.getReportedAt(), p.isOutsideMetropolitanFrance(),
                    p.getStatus(), p.isComplete(), p.getClosingKind(), p.getClosingJudgmentDate(), p.getClosingNote(),
                    p.getClosedAt());
        }
    }
}

package io.recouvra.agency;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * An agency's case API (see docs/agencies.md for the contract): JSON under {@code {base}/v1/cases}, API key
 * in {@code X-Api-Key}. One attempt per call, the process step retries with its own back-off; every call
 * carries an {@code Idempotency-Key} made of the case id, so that a retry after a timeout hands over,
 * reports or recalls once.
 */
class HttpCollectionAgency implements CollectionAgency {

    private final RestClient agency;
    private final String agencyId;

    HttpCollectionAgency(String agencyId, RestClient agency) {
        this.agencyId = agencyId;
        this.agency = agency;
    }

    @Override
    public String transfer(CaseFile file) {
        JsonNode answer = call("hand-over of " + file.reference().invoiceNumber(), () -> agency.post().uri("/v1/cases")
                .header("Idempotency-Key", "case-" + file.reference().caseId())
                .contentType(MediaType.APPLICATION_JSON).body(file).retrieve().body(JsonNode.class));
        if (answer == null || !answer.hasNonNull("reference")) {
            throw new AgencyUnavailable(agencyId + " accepted case " + file.reference().caseId() + " without a reference: " + answer, null);
        }
        return answer.get("reference").asText();
    }

    @Override
    public void reportDirectPayment(String agencyReference, CaseFile.Reference reference, BigDecimal amount, String currency,
                                    LocalDate paidOn) {
        call("direct payment on " + reference.invoiceNumber(), () -> agency.post()
                .uri("/v1/cases/{reference}/direct-payments", agencyReference)
                .header("Idempotency-Key", "direct-payment-" + reference.caseId() + "-" + paidOn + "-" + amount.toPlainString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caseId", reference.caseId(), "amount", amount, "currency", currency, "paidOn", paidOn.toString()))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void recall(String agencyReference, CaseFile.Reference reference, String reason) {
        call("recall of " + reference.invoiceNumber(), () -> agency.post()
                .uri("/v1/cases/{reference}/recall", agencyReference)
                .header("Idempotency-Key", "recall-" + reference.caseId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caseId", reference.caseId(), "reason", reason))
                .retrieve().toBodilessEntity());
    }

    /** Any failure, a refusal (4xx) as much as an outage, is the step's to retry and then Cockpit's incident. */
    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            String body = e.getResponseBodyAsString();
            throw new AgencyUnavailable(what + ": agency " + agencyId + " answered " + e.getStatusCode().value()
                    + (body.isBlank() ? "" : " " + body.substring(0, Math.min(body.length(), 300))), e);
        } catch (RestClientException e) {
            throw new AgencyUnavailable(what + ": no usable answer from agency " + agencyId + " (" + e.getMostSpecificCause().getMessage() + ")", e);
        }
    }
}

package io.recouvra.insurance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The insurer's REST API, modelled on insurers' buyer-limit and overdue-notice APIs (paths under
 * {@code {base}/v1/policies/{policyNumber}}, JSON, API key in {@code X-Api-Key}; see
 * docs/credit-insurance.md). One attempt per call: the process step that asked retries with its own
 * back-off, and a request that changes something carries an {@code Idempotency-Key}, so that a
 * retry after a timeout does not declare or claim twice.
 */
class HttpCreditInsurer implements CreditInsurer {

    private final RestClient insurer;

    HttpCreditInsurer(RestClient insurer) {
        this.insurer = insurer;
    }

    @Override
    public CoverDecision requestLimit(String policyNumber, Buyer buyer, BigDecimal amount, String currency) {
        Map<String, Object> body = Map.of("buyerName", buyer.name(), "country", buyer.country(), "amount", amount,
                "currency", currency);
        return cover(call("limit request for " + buyer.registrationNumber(), () -> insurer.post()
                .uri("/v1/policies/{policy}/buyers/{buyer}/limit-requests", policyNumber, buyer.registrationNumber())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class)));
    }

    @Override
    public Optional<CoverDecision> cover(String policyNumber, Buyer buyer) {
        try {
            return Optional.of(cover(call("cover of " + buyer.registrationNumber(), () -> insurer.get()
                    .uri("/v1/policies/{policy}/buyers/{buyer}/cover", policyNumber, buyer.registrationNumber())
                    .retrieve().body(JsonNode.class))));
        } catch (InsurerRefusal noCover) {
            if (noCover.status() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw noCover;
        }
    }

    @Override
    public String declareOverdue(String policyNumber, OverdueNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyer", Map.of("registrationNumber", notice.buyer().registrationNumber(), "name", notice.buyer().name(),
                "country", notice.buyer().country()));
        body.put("invoiceNumber", notice.invoiceNumber());
        body.put("issueDate", notice.issueDate().toString());
        body.put("dueDate", notice.dueDate().toString());
        body.put("amount", notice.amount());
        body.put("outstanding", notice.outstanding());
        body.put("currency", notice.currency());
        JsonNode answer = call("overdue notice for " + notice.invoiceNumber(), () -> insurer.post()
                .uri("/v1/policies/{policy}/overdue-notices", policyNumber)
                .header("Idempotency-Key", "overdue-" + notice.invoiceNumber())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class));
        return text(answer, "noticeId");
    }

    @Override
    public ExtensionDecision requestExtension(String policyNumber, Buyer buyer, String invoiceNumber, LocalDate dueDate,
                                              LocalDate newDueDate) {
        JsonNode answer = call("extension for " + invoiceNumber, () -> insurer.post()
                .uri("/v1/policies/{policy}/buyers/{buyer}/extensions", policyNumber, buyer.registrationNumber())
                .header("Idempotency-Key", "extension-" + invoiceNumber + "-" + newDueDate)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("invoiceNumber", invoiceNumber, "dueDate", dueDate.toString(), "newDueDate", newDueDate.toString()))
                .retrieve().body(JsonNode.class));
        boolean granted = "GRANTED".equals(text(answer, "status"));
        return new ExtensionDecision(granted, granted ? LocalDate.parse(text(answer, "until")) : null,
                answer.path("reason").asText(null));
    }

    @Override
    public String fileClaim(String policyNumber, String declarationReference, BigDecimal amount, String currency) {
        JsonNode answer = call("claim for notice " + declarationReference, () -> insurer.post()
                .uri("/v1/policies/{policy}/claims", policyNumber)
                .header("Idempotency-Key", "claim-" + declarationReference)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("noticeId", declarationReference, "amount", amount, "currency", currency))
                .retrieve().body(JsonNode.class));
        return text(answer, "claimId");
    }

    @Override
    public ClaimDecision claim(String policyNumber, String claimReference) {
        JsonNode answer = call("claim " + claimReference, () -> insurer.get()
                .uri("/v1/policies/{policy}/claims/{claim}", policyNumber, claimReference)
                .retrieve().body(JsonNode.class));
        ClaimStatus status = ClaimStatus.valueOf(text(answer, "status"));
        return new ClaimDecision(status, answer.hasNonNull("indemnity") ? answer.get("indemnity").decimalValue() : null,
                answer.hasNonNull("paidOn") ? LocalDate.parse(answer.get("paidOn").asText()) : null,
                answer.path("reason").asText(null));
    }

    @Override
    public void reportPayment(String policyNumber, String declarationReference, BigDecimal amount, String currency,
                              LocalDate valueDate) {
        call("payment on notice " + declarationReference, () -> insurer.post()
                .uri("/v1/policies/{policy}/overdue-notices/{notice}/payments", policyNumber, declarationReference)
                .header("Idempotency-Key", "payment-" + declarationReference + "-" + valueDate + "-" + amount.toPlainString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", amount, "currency", currency, "valueDate", valueDate.toString()))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void reportDispute(String policyNumber, Buyer buyer, String invoiceNumber, String reason) {
        call("dispute on " + invoiceNumber, () -> insurer.post()
                .uri("/v1/policies/{policy}/buyers/{buyer}/disputes", policyNumber, buyer.registrationNumber())
                .header("Idempotency-Key", "dispute-" + invoiceNumber + "-" + reason)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("invoiceNumber", invoiceNumber, "reason", reason))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void reportWriteOff(String policyNumber, String declarationReference, BigDecimal amount, String currency, String reason) {
        call("write-off on notice " + declarationReference, () -> insurer.post()
                .uri("/v1/policies/{policy}/overdue-notices/{notice}/write-off", policyNumber, declarationReference)
                .header("Idempotency-Key", "write-off-" + declarationReference)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", amount, "currency", currency, "reason", reason))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void reportInsolvency(String policyNumber, Buyer buyer, InsolvencyNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyerName", buyer.name());
        body.put("country", buyer.country());
        body.put("kind", notice.kind());
        body.put("judgmentDate", notice.judgmentDate().toString());
        // not known yet when the credit bureau's word was all there was: left out rather than sent empty
        if (notice.court() != null) {
            body.put("court", notice.court());
        }
        if (notice.representative() != null) {
            body.put("representative", notice.representative());
        }
        call("insolvency of " + buyer.registrationNumber(), () -> insurer.post()
                .uri("/v1/policies/{policy}/buyers/{buyer}/insolvency-notices", policyNumber, buyer.registrationNumber())
                .header("Idempotency-Key", "insolvency-" + buyer.registrationNumber() + "-" + notice.judgmentDate())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toBodilessEntity());
    }

    private static CoverDecision cover(JsonNode answer) {
        return new CoverDecision(CoverStatus.valueOf(text(answer, "status")),
                answer.hasNonNull("amount") ? answer.get("amount").decimalValue() : BigDecimal.ZERO,
                answer.path("currency").asText(null),
                answer.hasNonNull("validFrom") ? LocalDate.parse(answer.get("validFrom").asText()) : null,
                answer.hasNonNull("validTo") ? LocalDate.parse(answer.get("validTo").asText()) : null,
                answer.path("decisionId").asText(null));
    }

    private static String text(JsonNode answer, String field) {
        if (answer == null || !answer.hasNonNull(field)) {
            throw new InsurerUnavailable("the insurer's answer has no " + field + ": " + answer, null);
        }
        return answer.get(field).asText();
    }

    /**
     * Runs one request. A 4xx other than 408 and 429 is the insurer's answer (a refusal, named with its
     * status and message); anything else that fails is the insurer being unavailable.
     */
    private static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientErrorException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.value() == HttpStatus.REQUEST_TIMEOUT.value() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                throw new InsurerUnavailable(what + ": insurer busy (" + status.value() + ")", e);
            }
            throw new InsurerRefusal(status.value(), what + " refused by the insurer: " + reason(e));
        } catch (HttpServerErrorException e) {
            throw new InsurerUnavailable(what + ": insurer error " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw new InsurerUnavailable(what + ": no answer from the insurer (" + e.getMessage() + ")", e);
        } catch (RestClientException e) {
            if (causedByIo(e)) {
                // the answer stopped coming: a read timeout while the body was on its way
                throw new InsurerUnavailable(what + ": no answer from the insurer (" + e.getMostSpecificCause().getMessage() + ")", e);
            }
            throw new InsurerUnavailable(what + ": unreadable answer from the insurer (" + e.getMessage() + ")", e);
        }
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(RestClientResponseException e) {
        try {
            JsonNode body = e.getResponseBodyAs(JsonNode.class);
            if (body != null && body.hasNonNull("message")) {
                return body.get("message").asText();
            }
        } catch (RuntimeException unreadable) {
            // fall back to the raw body
        }
        String raw = e.getResponseBodyAsString();
        return raw.isBlank() ? e.getStatusText() : raw.substring(0, Math.min(raw.length(), 300));
    }
}

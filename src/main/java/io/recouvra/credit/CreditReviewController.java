package io.recouvra.credit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit", description = "Credit reviews: score, credit policy, approval")
class CreditReviewController {

    private final CreditReviews reviews;

    CreditReviewController(CreditReviews reviews) {
        this.reviews = reviews;
    }

    record LimitRequest(@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal requestedAmount) {
    }

    record ReviewStarted(String processInstanceId, String businessKey) {
    }

    @PostMapping("/api/v1/customers/{id}/credit-reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a credit limit: the customer is scored, the credit policy applied, and a credit manager approves when the policy asks")
    ReviewStarted request(@PathVariable UUID id, @Valid @RequestBody LimitRequest request) {
        ProcessInstance review = reviews.start(id, request.requestedAmount(), CreditReviews.Reason.LIMIT_REQUEST);
        return new ReviewStarted(review.getId(), review.getBusinessKey());
    }
}

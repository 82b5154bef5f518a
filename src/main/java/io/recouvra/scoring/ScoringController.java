package io.recouvra.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{id}/scores")
@Validated
@Tag(name = "Scoring", description = "Credit scores with their factor breakdown")
class ScoringController {

    private final Scoring scoring;

    ScoringController(Scoring scoring) {
        this.scoring = scoring;
    }

    record ScoreView(Instant scoredAt, int score, RiskClass riskClass, String bureau, List<Scorecard.Contribution> factors) {

        static ScoreView of(CreditScore s) {
            return new ScoreView(s.getScoredAt(), s.getScore(), s.getRiskClass(), s.getBureau(), s.getFactors());
        }
    }

    @GetMapping
    @Operation(summary = "The customer's scores, newest first, each with what every factor contributed")
    List<ScoreView> history(@PathVariable UUID id, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return scoring.history(id, size).stream().map(ScoreView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Score the customer now (ledger behaviour, bureau report, scorecard)")
    ScoreView scoreNow(@PathVariable UUID id) {
        return ScoreView.of(scoring.score(id));
    }
}

package io.recouvra.interest;

import io.recouvra.engine.TeamLanguage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the admins for a half-year's rates before anyone needs them: from {@value #DAYS_AHEAD} days before
 * each 1 January and 1 July, a task in Tasklist (process {@value LatePaymentRateRequestContract#PROCESS_KEY}, business key = the
 * half-year's first day) asks for the coming half-year's ECB and legal rates; the half-year now running
 * is asked for too while its rates are missing. One request per half-year, ever; none once its rates are
 * recorded. The half-year is named in the team's language, as the model's task name around it is.
 */
@Service
public class LatePaymentRateRequests {

    static final int DAYS_AHEAD = 30;

    private final LatePaymentRates rates;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final Clock clock;
    private final TeamLanguage language;

    LatePaymentRateRequests(LatePaymentRates rates, RuntimeService runtime, HistoryService history, Clock clock,
                            TeamLanguage language) {
        this.rates = rates;
        this.runtime = runtime;
        this.history = history;
        this.clock = clock;
        this.language = language;
    }

    /** Starts the requests due today; returns the half-years asked for. */
    @Transactional
    public List<LocalDate> raiseDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate current = HalfYearRate.startOf(today);
        LocalDate next = current.plusMonths(6);
        List<LocalDate> asked = new ArrayList<>();
        for (LocalDate halfYear : today.isBefore(next.minusDays(DAYS_AHEAD)) ? List.of(current) : List.of(current, next)) {
            if (rates.find(halfYear).isEmpty() && neverAskedFor(halfYear)) {
                runtime.startProcessInstanceByKey(LatePaymentRateRequestContract.PROCESS_KEY, halfYear.toString(), Map.of(
                        LatePaymentRateRequestContract.HALF_YEAR_START, halfYear.toString(),
                        LatePaymentRateRequestContract.HALF_YEAR_NAME,
                        language.say(HalfYearRate.frenchName(halfYear), HalfYearRate.englishName(halfYear)),
                        LatePaymentRateRequestContract.HALF_YEAR_END, halfYear.plusMonths(6).minusDays(1).toString()));
                asked.add(halfYear);
            }
        }
        return asked;
    }

    private boolean neverAskedFor(LocalDate halfYear) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(LatePaymentRateRequestContract.PROCESS_KEY)
                .processInstanceBusinessKey(halfYear.toString()).count() == 0;
    }
}

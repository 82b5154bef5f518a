package io.recouvra.interest;

import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans process LatePaymentRateRequest names. */
@Configuration(proxyBeanMethods = false)
class LatePaymentRateSteps {

    /**
     * The admin completed the task: the rates are checked and recorded exactly as
     * {@code PUT /api/v1/late-payment-rates/{start}} does (same checks, same row, same signal after commit).
     * A refused value leaves the task open with the field and the reason.
     */
    @Bean
    TaskListener recordLatePaymentRates(LatePaymentRates rates, Validator validator) {
        return task -> {
            LatePaymentController.HalfYearRates entered = new LatePaymentController.HalfYearRates(
                    number(task, "ecbMainRefinancingRate"), number(task, "legalInterestRate"),
                    (String) task.getVariable("source"));
            List<FieldProblem> problems = validator.validate(entered).stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            rates.record(LocalDate.parse((String) task.getVariable("halfYearStart")), entered.ecbMainRefinancingRate(),
                    entered.legalInterestRate(), entered.source(), recordedBy(task));
        };
    }

    private static BigDecimal number(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a number in percent such as 2.15, not " + value);
        }
    }

    private static String recordedBy(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user != null && user.getUserId() != null) {
            return user.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "tasklist";
    }
}

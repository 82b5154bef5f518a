package io.recouvra.insolvency;

import static io.recouvra.insolvency.DeclarationOfClaimsContract.*;
import static io.recouvra.web.FormFields.amount;
import static io.recouvra.web.FormFields.date;
import static io.recouvra.web.FormFields.text;

import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of declaration-of-claims.bpmn; each reads the form's values and calls {@link ClaimDeclarations}. */
@Configuration
class ClaimDeclarationSteps {

    private final ClaimDeclarations declarations;
    private final ZoneId zone;

    ClaimDeclarationSteps(ClaimDeclarations declarations, @Value("${recouvra.zone}") ZoneId zone) {
        this.declarations = declarations;
        this.zone = zone;
    }

    @Bean
    JavaDelegate prepareClaimDeclaration(@Value("${recouvra.insolvency.declaration-reminder-days:15}") int reminderDays) {
        return execution -> {
            ClaimDeclarations.Declaration declaration = declarations.prepare(proceedingsId(execution));
            ClaimDeclarationDeadlines deadlines = declaration.deadlines();
            execution.setVariable(DECLARED_TOTAL_DISPLAY, declaration.totalDisplay());
            execution.setVariable(TOTAL_OUTSTANDING_DISPLAY, declaration.totalDisplay());
            execution.setVariable(BODACC_PUBLISHED_ON, declaration.bodaccPublishedOn().toString());
            execution.setVariable(DECLARATION_DEADLINE, deadlines.declaration().toString());
            execution.setVariable(DECLARATION_DEADLINE_AT, noonOn(deadlines.declaration()));
            execution.setVariable(DECLARATION_REMINDER_AT, startOf(deadlines.declaration().minusDays(reminderDays)));
            execution.setVariable(DECLARATION_LAPSES_AT, startOf(deadlines.declaration().plusDays(1)));
            execution.setVariable(RELIEF_DEADLINE, deadlines.relief().toString());
            execution.setVariable(RELIEF_DEADLINE_AT, noonOn(deadlines.relief()));
            execution.setVariable(RELIEF_LAPSES_AT, startOf(deadlines.relief().plusDays(1)));
            execution.setVariable(RETENTION_DEADLINE, deadlines.retention().toString());
            execution.setVariable(RETENTION_DEADLINE_AT, noonOn(deadlines.retention()));
            execution.setVariable(RETENTION_LAPSES_AT, startOf(deadlines.retention().plusDays(1)));
            execution.setVariable(RETENTION_OF_TITLE, declaration.retentionOfTitle());
        };
    }

    @Bean
    JavaDelegate remindClaimDeclaration(TaskService tasks) {
        return execution -> {
            declarations.reminded(proceedingsId(execution));
            for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
                tasks.setPriority(open.getId(), Math.min(100, open.getPriority() + 25));
            }
        };
    }

    @Bean
    TaskListener recordClaimDeclarationSent(IdentityService identity) {
        return task -> declarations.sent(proceedingsId(task), date(task, DECLARATION_SENT_ON, true),
                oneOf(task, "declarationChannel", Set.of("REGISTERED_LETTER", "REPRESENTATIVE_PORTAL")),
                text(task, "declarationReference", false), who(task, identity));
    }

    @Bean
    TaskListener recordForeclosureRelief(IdentityService identity) {
        return task -> {
            String outcome = oneOf(task, RELIEF_OUTCOME, Set.of("GRANTED", "REFUSED", "NOT_ASKED"));
            LocalDate requestedOn = date(task, "reliefRequestedOn", !"NOT_ASKED".equals(outcome));
            declarations.relief(proceedingsId(task), outcome, requestedOn, text(task, "reliefNote", false));
            if ("GRANTED".equals(outcome)) {
                declarations.sent(proceedingsId(task), date(task, DECLARATION_SENT_ON, true), null, null, who(task, identity));
            }
        };
    }

    @Bean
    ExecutionListener noteClaimForeclosed() {
        return execution -> declarations.foreclosed(proceedingsId(execution));
    }

    @Bean
    TaskListener recordClaimAnswer() {
        return task -> {
            String answer = oneOf(task, CLAIM_ANSWER, Set.of("ADMITTED", "CONTESTED", "REJECTED"));
            BigDecimal admitted = "ADMITTED".equals(answer) ? amount(task, "admittedAmount", true) : null;
            task.setVariable(ADMITTED_AMOUNT_DISPLAY, declarations.answered(proceedingsId(task), answer, admitted,
                    text(task, "answerNote", false)));
            if ("CONTESTED".equals(answer)) {
                LocalDate received = date(task, "contestReceivedOn", true);
                LocalDate deadline = ClaimDeclarationDeadlines.contestAnswer(received);
                task.setVariable(CONTEST_DEADLINE, deadline.toString());
                task.setVariable(CONTEST_DEADLINE_AT, noonOn(deadline));
                task.setVariable(CONTEST_LAPSES_AT, startOf(deadline.plusDays(1)));
            }
        };
    }

    @Bean
    TaskListener recordContestAnswer() {
        return task -> declarations.contestAnswered(proceedingsId(task), date(task, "contestAnsweredOn", true),
                text(task, "contestNote", false));
    }

    @Bean
    ExecutionListener noteContestLapsed() {
        return execution -> declarations.contestLapsed(proceedingsId(execution));
    }

    @Bean
    TaskListener recordAdmissionDecision() {
        return task -> {
            String decision = oneOf(task, CLAIM_ANSWER, Set.of("ADMITTED", "REJECTED"));
            date(task, "decisionDate", true);
            BigDecimal admitted = "ADMITTED".equals(decision) ? amount(task, "admittedAmount", true) : null;
            task.setVariable(ADMITTED_AMOUNT_DISPLAY, declarations.answered(proceedingsId(task), decision, admitted,
                    text(task, "decisionNote", false)));
        };
    }

    @Bean
    TaskListener recordProceedingsOutcome(IdentityService identity) {
        return task -> {
            String outcome = oneOf(task, PROCEEDINGS_OUTCOME, Set.of("DIVIDEND_PAID", "PLAN_ADOPTED", "CLOSED_INSUFFICIENT_ASSETS"));
            LocalDate on = date(task, "outcomeDate", true);
            BigDecimal dividend = "DIVIDEND_PAID".equals(outcome) ? amount(task, "dividendAmount", true) : null;
            declarations.outcome(proceedingsId(task), outcome, on, dividend, text(task, "outcomeNote", false));
            task.setVariable("outcomeRecordedBy", who(task, identity));
            task.setVariable(STILL_OWED, declarations.stillOwed(proceedingsId(task)).signum() > 0);
        };
    }

    @Bean
    JavaDelegate bookInsolvencyDividend() {
        return execution -> {
            UUID id = proceedingsId(execution);
            declarations.bookDividend(id, amount(execution, "dividendAmount", true), date(execution, "outcomeDate", true),
                    text(execution, "bankReference", false));
            execution.setVariable(STILL_OWED, declarations.stillOwed(id).signum() > 0);
        };
    }

    @Bean
    JavaDelegate writeOffInsolventClaims() {
        return execution -> declarations.writeOff(proceedingsId(execution), date(execution, "outcomeDate", true),
                (String) execution.getVariable("outcomeRecordedBy"));
    }

    /** The closing heard: kept as the declaration's outcome, on the trail; stillOwed says whether a write-off follows. */
    @Bean
    JavaDelegate recordProceedingsClosed() {
        return execution -> execution.setVariable(STILL_OWED, declarations.closed(proceedingsId(execution),
                ClosingKind.valueOf(text(execution, CLOSING_KIND, true)), date(execution, CLOSING_JUDGMENT_DATE, true)).signum() > 0);
    }

    @Bean
    TaskListener recordGoodsClaim() {
        return task -> declarations.goodsClaimed(proceedingsId(task), date(task, "goodsClaimedOn", true), text(task, "goodsNote", false));
    }

    @Bean
    ExecutionListener noteRetentionLapsed() {
        return execution -> declarations.retentionLapsed(proceedingsId(execution));
    }

    // ---- what the forms sent, refused with the field's key (web.FormFields)

    private static UUID proceedingsId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(PROCEEDINGS_ID));
    }

    private static String who(DelegateTask task, IdentityService identity) {
        Authentication user = identity.getCurrentAuthentication();
        return user != null ? user.getUserId() : task.getAssignee();
    }

    private static String oneOf(VariableScope scope, String key, Set<String> allowed) {
        String value = text(scope, key, true);
        if (!allowed.contains(value)) {
            throw new InvalidInputException(key, "is one of " + allowed + ": " + value);
        }
        return value;
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    private Date noonOn(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(zone).toInstant());
    }
}

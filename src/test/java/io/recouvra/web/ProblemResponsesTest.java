package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** What a client is told when the engine lost a race with another transaction, on endpoints that do not retry. */
class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void aDeadlockInTheEnginesTablesIsAConcurrentUpdateToSendAgainNotAServerError() {
        // as the engine reports it: its own exception around MyBatis's around PostgreSQL's 40P01
        ProcessEngineException deadlock = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new RuntimeException("delete from ACT_RU_JOB", new SQLException("deadlock detected", "40P01")));

        ProblemDetail problem = responses.engineFailure(deadlock);

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(problem.getTitle()).isEqualTo("Concurrent update");
        assertThat(problem.getDetail()).contains("send the request again");
    }

    @Test
    void anyOtherEngineFailureIsLeftToBeAnErrorOfOurs() {
        ProcessEngineException bug = new ProcessEngineException("Unknown property used in expression: ${nope}");

        assertThatThrownBy(() -> responses.engineFailure(bug)).isSameAs(bug);
    }
}

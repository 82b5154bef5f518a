package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.engine.TaskErrorSentences.Failure;
import io.recouvra.support.FastTest;
import org.junit.jupiter.api.Test;

/**
 * Which sentence each engine REST answer becomes. The answers that a test cannot bring about on purpose through
 * the API (two people saving the same case at the same instant) are taken here as the engine writes them;
 * the others are shown end to end in {@code CallTaskInTasklistTest}.
 */
@FastTest
class TaskErrorSentencesTest {

    @Test
    void twoPeopleSavingTheSameCaseAtOnce() {
        // what engine-rest answers when the command's flush finds a row changed since it was read
        String lost = "Cannot submit task form 4f1c: ENGINE-03005 Execution of 'UPDATE VariableInstanceEntity[5e2a]' failed. "
                + "Entity was updated by another transaction concurrently.";
        assertThat(TaskErrorSentences.classify(500, "OptimisticLockingException", 1, lost)).isEqualTo(Failure.CHANGED_MEANWHILE);
        assertThat(TaskErrorSentences.classify(500, "RestException", 0, lost)).isEqualTo(Failure.CHANGED_MEANWHILE);
        assertThat(Failure.CHANGED_MEANWHILE.sentence(false, null)).isEqualTo("Ce dossier a été modifié par quelqu'un d'autre "
                + "pendant que vous le traitiez, et rien n'a été enregistré. Rouvrez la tâche pour voir où il en est, puis recommencez.");
        assertThat(Failure.CHANGED_MEANWHILE.sentence(true, null)).startsWith("Someone else changed this case while you were working on it");
    }

    @Test
    void aRefusalIsOnlyWhatTheFormChecksWrote() {
        assertThat(TaskErrorSentences.classify(400, "RestException", 0,
                "Cannot submit task form 4f1c: Date de paiement promise : est dans le passé (promisedDate).")).isEqualTo(Failure.REFUSED_VALUE);
        // the REST layer's own 400 about a variable's type is no sentence for a person
        assertThat(TaskErrorSentences.classify(400, "InvalidRequestException", 0,
                "Cannot submit task form 4f1c: Unsupported value type 'Nonsense'")).isEqualTo(Failure.UNEXPECTED);
    }

    @Test
    void noRightsAndUnknownFailures() {
        assertThat(TaskErrorSentences.classify(403, "AuthorizationException", 0,
                "The user with id 'claude' does not have one of the following permissions: 'TASK_WORK' permission on resource '4f1c' of type 'Task'"))
                .isEqualTo(Failure.NOT_ALLOWED);
        assertThat(TaskErrorSentences.classify(500, "ProcessEngineException", 0, "Unknown property used in expression: ${x}"))
                .isEqualTo(Failure.UNEXPECTED);
        assertThat(Failure.UNEXPECTED.sentence(true, "ERR-0a1b2c3d")).isEqualTo("The server could not save what you entered, "
                + "and nothing was saved. Try again in a moment; if it happens again, give this reference to your administrator: ERR-0a1b2c3d.");
    }
}

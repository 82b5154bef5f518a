package io.recouvra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What Tasklist shows when claiming or completing a task fails is the {@code message} of the engine REST API's
 * answer, which is written for a developer: "Cannot submit task form 4f1c…: ENGINE-03005 Execution of 'UPDATE
 * TaskEntity[…]' failed…". This filter, on the task actions of both engine REST APIs (Tasklist's
 * {@code /camunda/api/engine/...} and {@code /engine-rest}), replaces that message with a sentence for the
 * person at the screen, in French, or in English when her browser asks for another language first. A value a
 * form's check refused keeps its own sentence ({@link TaskFormRefusals}, written in the same language); a
 * failure nobody can explain to her gets a reference, logged with the original message for whoever supports
 * her. Status and {@code type} stay as they were, so API clients still tell the cases apart.
 */
@Configuration(proxyBeanMethods = false)
class TaskErrorSentences {

    private static final Logger log = LoggerFactory.getLogger(TaskErrorSentences.class);
    private static final Pattern TASK_ACTION = Pattern.compile("^.*/task/[^/]+/(complete|submit-form|claim)$");
    /** The engine REST API's own prefix before the engine's message. */
    private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot (submit task form|complete task|claim task) [^:]*: ");
    /** How {@link TaskFormRefusals} ends each refusal: the field's key in brackets, then a full stop. */
    private static final Pattern REFUSAL = Pattern.compile("\\(\\w+\\)\\.$");
    private static final ThreadLocal<Boolean> ENGLISH = ThreadLocal.withInitial(() -> false);

    enum Failure {
        REFUSED_VALUE(null, null),
        CHANGED_MEANWHILE("Ce dossier a été modifié par quelqu'un d'autre pendant que vous le traitiez, et rien n'a été enregistré. "
                + "Rouvrez la tâche pour voir où il en est, puis recommencez.",
                "Someone else changed this case while you were working on it, and nothing was saved. "
                        + "Open the task again to see where it stands, then try again."),
        TASK_GONE("Cette tâche n'existe plus : un collègue l'a sans doute déjà terminée, ou le dossier a été réglé entre-temps. "
                + "Choisissez la suivante dans la liste.",
                "This task no longer exists: a colleague has probably completed it already, or the case was settled meanwhile. "
                        + "Choose the next one in the list."),
        CLAIMED_BY_A_COLLEAGUE("Un collègue a déjà pris cette tâche. Choisissez-en une autre dans la liste.",
                "A colleague has already claimed this task. Choose another one in the list."),
        NOT_ALLOWED("Vous n'avez pas le droit de faire cela sur cette tâche : elle est peut-être attribuée à quelqu'un d'autre, "
                + "ou réservée à un autre groupe. Demandez à votre responsable.",
                "You may not do this on this task: it may be assigned to someone else, or kept for another group. "
                        + "Ask your manager."),
        UNEXPECTED("Le serveur n'a pas pu enregistrer votre saisie, et rien n'a été enregistré. Réessayez dans un instant ; "
                + "si cela se reproduit, donnez cette référence à votre administrateur : %s.",
                "The server could not save what you entered, and nothing was saved. Try again in a moment; "
                        + "if it happens again, give this reference to your administrator: %s.");

        private final String french;
        private final String english;

        Failure(String french, String english) {
            this.french = french;
            this.english = english;
        }

        String sentence(boolean english, String reference) {
            return String.format(english ? this.english : french, reference);
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> taskErrorSentencesFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Sentences(json));
        registration.setName("task-error-sentences");
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        // outside the webapps' and the engine REST API's own filters: it sees their answers as the browser would
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Whether the task action under way answers in English (else French); read by {@link TaskFormRefusals}. */
    static boolean answersInEnglish() {
        return ENGLISH.get();
    }

    /** English when the browser's first language is another than French; French when it is French or unsaid. */
    static boolean asksForEnglish(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null && !"fr".equals(request.getLocale().getLanguage());
    }

    /** Which failure an engine REST answer is: its status, the exception type and code, and the engine's message. */
    static Failure classify(int status, String type, int code, String message) {
        if (status == 400 && ENGINE_PREFIX.matcher(message).find() && REFUSAL.matcher(message).find()) {
            return Failure.REFUSED_VALUE;
        }
        if (code == 1 || "OptimisticLockingException".equals(type) || message.contains("ENGINE-03005")
                || message.contains("updated by another transaction concurrently")) {
            return Failure.CHANGED_MEANWHILE;
        }
        if (status == 404 || message.contains("Cannot find task with id") || message.contains("task is null")) {
            return Failure.TASK_GONE;
        }
        if (message.contains("is already claimed by")) {
            return Failure.CLAIMED_BY_A_COLLEAGUE;
        }
        if (status == 403 || "AuthorizationException".equals(type)) {
            return Failure.NOT_ALLOWED;
        }
        return Failure.UNEXPECTED;
    }

    private static final class Sentences extends OncePerRequestFilter {

        private final ObjectMapper json;

        Sentences(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || !TASK_ACTION.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean english = asksForEnglish(request);
            var answer = new ContentCachingResponseWrapper(response);
            ENGLISH.set(english);
            try {
                chain.doFilter(request, answer);
            } finally {
                ENGLISH.remove();
            }
            if (answer.getStatus() >= 400 && answer.getContentType() != null && answer.getContentType().contains("json")) {
                rewrite(answer, english);
            }
            answer.copyBodyToResponse();
        }

        private void rewrite(ContentCachingResponseWrapper answer, boolean english) throws IOException {
            JsonNode body;
            try {
                body = json.readTree(answer.getContentAsByteArray());
            } catch (IOException notJson) {
                return;
            }
            if (!(body instanceof ObjectNode error) || !error.hasNonNull("message")) {
                return;
            }
            String message = error.get("message").asText();
            Failure failure = classify(answer.getStatus(), error.path("type").asText(""), error.path("code").asInt(-1), message);
            String sentence;
            if (failure == Failure.REFUSED_VALUE) {
                sentence = ENGINE_PREFIX.matcher(message).replaceFirst("");
            } else {
                String reference = failure == Failure.UNEXPECTED ? "ERR-" + UUID.randomUUID().toString().substring(0, 8) : null;
                if (reference != null) {
                    log.warn("Task action failed ({}), shown to the user as {}: {}", answer.getStatus(), reference, message);
                }
                sentence = failure.sentence(english, reference);
            }
            error.put("message", sentence);
            answer.resetBuffer();
            answer.getOutputStream().write(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
        }
    }
}

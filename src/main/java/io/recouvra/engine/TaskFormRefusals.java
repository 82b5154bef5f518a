package io.recouvra.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * A value the server refuses in a task form reaches Tasklist as a plain message, with HTTP 400. The
 * steps and listeners that check a completed form throw {@link InvalidInputException} (as the API
 * does); left alone, the engine REST API answers it with a 500 and {@code FieldProblem[...]}. The engine
 * REST API answers 400 with the exception's message for a {@link FormFieldValidationException} on
 * {@code /task/{id}/complete} and {@code /task/{id}/submit-form} (Tasklist's call), so a command
 * interceptor turns the one into the other for those two commands, the transaction being rolled back
 * all the same. Each problem reads "label : reason (field)": the label the form shows for the field
 * (in the forms' language, {@code recouvra.forms.language}), the reason in French where it is known when the
 * forms are French, and the field's key for whoever supports the user.
 */
@Component
class TaskFormRefusals extends AbstractProcessEnginePlugin {

    /** The reasons the checks behind the forms give, in French; {@code $1} ... are the reason's own values. */
    private static final Map<Pattern, String> FRENCH = new LinkedHashMap<>();

    static {
        french("is in the past", "est dans le passé");
        french("is more than (\\d+) days away: that is a payment plan, record it as one",
                "est à plus de $1 jours : c'est un échéancier, enregistrez-le comme tel");
        french("is more than the (.+) owed", "dépasse ce que le client doit ($1)");
        french("is required, as a date \\(yyyy-mm-dd\\)", "est obligatoire (une date)");
        french("must be a positive amount", "doit être un montant positif");
        french("is required: the bank reference the debtor gave", "est obligatoire : la référence du virement donnée par le client");
        french("must be one of (.+)", "doit être l'une des valeurs $1");
        french("is required: how many instalments", "est obligatoire : le nombre d'échéances");
        french("is not an amount", "n'est pas un montant");
        french("must be between (\\d+) and (\\d+)", "doit être entre $1 et $2");
        french("must be today or later", "doit être aujourd'hui ou plus tard");
        french("must be MONTHLY or WEEKLY", "doit être mensuelle ou hebdomadaire");
        french("must be less than the (.+) owed, with at least one instalment after it",
                "doit être inférieur aux $1 dus, avec au moins une échéance ensuite");
        french("is required for a new contact", "est obligatoire pour un nouvel interlocuteur");
        french("a new contact needs a phone number or an email address",
                "un nouvel interlocuteur a besoin d'un téléphone ou d'un e-mail");
        french("must be in E\\.164 form such as (\\+\\d+)", "doit être au format international, par exemple $1");
        french("is not an email address", "n'est pas une adresse e-mail");
        french("must not be in the future", "ne doit pas être dans le futur");
        french("must not be before the opening judgment", "ne doit pas précéder le jugement d'ouverture");
        french("must be an email address", "doit être une adresse e-mail");
        french("is already in open insolvency proceedings", "fait déjà l'objet d'une procédure collective en cours");
        french("LIQUIDATION proceedings close as LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID, not PLAN_CARRIED_OUT",
                "une liquidation judiciaire se clôt pour insuffisance d'actif ou pour extinction du passif, non par l'exécution d'un plan");
        french("(SAFEGUARD|RECEIVERSHIP) proceedings close as PLAN_CARRIED_OUT, not .+",
                "une sauvegarde ou un redressement judiciaire se clôt par l'exécution du plan, non comme une liquidation judiciaire");
        french("must not be before the last judgment of these proceedings, (\\S+)",
                "ne doit pas précéder le dernier jugement de la procédure, du $1");
        french("the proceedings were closed \\((\\w+)\\) by the judgment of (\\S+)", "la procédure a déjà été clôturée par le jugement du $2");
        french("must be at most (\\d+) characters", "doit faire au plus $1 caractères");
        french("is not a date \\(YYYY-MM-DD\\): (.*)", "n'est pas une date : $1");
        french("is required: PLAN_CARRIED_OUT, LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID", "est obligatoire");
        french("is required", "est obligatoire");
    }

    private static void french(String english, String french) {
        FRENCH.put(Pattern.compile(english), french);
    }

    private final Map<String, String> labels;
    private final boolean french;

    TaskFormRefusals(@Value("${recouvra.forms.language}") String language) {
        this.labels = formLabels(FormsInLanguage.formsOf(language));
        this.french = FormsInLanguage.FRENCH.equals(language);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (RuntimeException e) {
                    InvalidInputException refused = refusal(e);
                    if (refused != null && (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)) {
                        throw new FormFieldValidationException(refused.problems(), message(refused.problems()), refused);
                    }
                    throw e;
                }
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * "Date de paiement promise : est dans le passé (promisedDate)", one per problem; in English ("Promised payment
     * date: is in the past (promisedDate)") when the forms are English or the Tasklist user's browser asks for it
     * ({@link TaskErrorSentences}).
     */
    String message(List<FieldProblem> problems) {
        // English forms, or a Tasklist user whose browser asks for English
        boolean english = !french || TaskErrorSentences.answersInEnglish();
        return problems.stream().map(p -> labels.getOrDefault(p.field(), p.field()) + (english ? ": " + p.reason() : " : " + french(p.reason()))
                + " (" + p.field() + ")").collect(Collectors.joining(english ? "; " : " ; ")) + ".";
    }

    static String french(String reason) {
        for (Map.Entry<Pattern, String> entry : FRENCH.entrySet()) {
            Matcher matcher = entry.getKey().matcher(reason);
            if (matcher.matches()) {
                return matcher.replaceAll(entry.getValue());
            }
        }
        return reason;
    }

    /** The exception a task form's check threw, however deep the engine wrapped it (a task listener's is). */
    private static InvalidInputException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refused) {
                return refused;
            }
        }
        return null;
    }

    /** Each field's label as the deployed forms show it (a date's {@code dateLabel}). */
    private static Map<String, String> formLabels(String forms) {
        Map<String, String> labels = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources(forms)) {
                try (InputStream in = form.getInputStream()) {
                    collect(json.readTree(in).path("components"), labels);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }

    private static void collect(JsonNode components, Map<String, String> labels) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            String label = component.hasNonNull("label") ? component.get("label").asText() : component.path("dateLabel").asText(null);
            if (key != null && label != null && !label.isBlank()) {
                labels.putIfAbsent(key, label);
            }
            collect(component.path("components"), labels);
        }
    }
}

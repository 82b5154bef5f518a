package io.recouvra.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the Camunda Forms of one language, {@code recouvra.forms.language}: French, the default, from
 * {@code forms/*.form}; another language from {@code forms/<language>/*.form} (English: {@code forms/en/}).
 * A twin carries the same form id and component keys as its French form, so the models' {@code camunda:formRef}
 * bindings (form id, in the same deployment) hold whichever language is deployed. The engine deploys the models
 * with the forms of the chosen language; changing the language deploys them again as a new version, and running
 * instances keep the forms of the version they run (or move with {@code recouvra.process-migration}).
 * The application refuses to start when a French form has no twin in the chosen language.
 * <p>
 * The same setting is the language of what Tasklist and Cockpit show of the models: process names, user task names
 * and descriptions, and the labels of the other tasks, events, gateways and flows are French in the models, and another
 * language's are written into them as they are deployed
 * ({@link ModelTexts}, {@code processes/<language>/*.properties}); a model without them stops the start too.
 */
@Component
class FormsInLanguage extends DefaultDeploymentConfiguration {

    static final String FRENCH = "fr";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final String language;

    FormsInLanguage(@Value("${recouvra.forms.language}") String language) {
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalStateException("recouvra.forms.language must be a language code such as fr or en, not '"
                    + language + "'");
        }
        this.language = language;
    }

    /** Where the forms of a language are on the classpath. */
    static String formsOf(String language) {
        return FRENCH.equals(language) ? "classpath*:forms/*.form" : "classpath*:forms/" + language + "/*.form";
    }

    @Override
    public Set<Resource> getDeploymentResources() {
        Set<Resource> resources = super.getDeploymentResources();
        if (FRENCH.equals(language)) {
            return resources;
        }
        Set<Resource> twins = forms(formsOf(language));
        Set<String> missing = names(forms(formsOf(FRENCH)));
        missing.removeAll(names(twins));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("recouvra.forms.language is '" + language + "' but forms/" + language
                    + "/ lacks " + missing + ": every form in forms/ needs its twin, under the same file name and form id");
        }
        ModelTexts texts = new ModelTexts(language);
        Set<Resource> chosen = resources.stream().filter(resource -> !isForm(resource))
                .map(resource -> isModel(resource) ? texts.translate(resource) : resource)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        chosen.addAll(twins);
        return chosen;
    }

    private static boolean isModel(Resource resource) {
        String name = resource.getFilename();
        return name != null && name.endsWith(".bpmn");
    }

    private static boolean isForm(Resource resource) {
        String name = resource.getFilename();
        return name != null && name.endsWith(".form");
    }

    private static Set<Resource> forms(String pattern) {
        try {
            return new LinkedHashSet<>(Arrays.asList(new PathMatchingResourcePatternResolver().getResources(pattern)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> names(Set<Resource> forms) {
        return forms.stream().map(Resource::getFilename).collect(Collectors.toCollection(TreeSet::new));
    }
}

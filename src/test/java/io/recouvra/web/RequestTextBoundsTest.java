package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.recouvra.support.FastTest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every text an integrator sends in a JSON body carries its own length limit, so that a text too long for
 * its column is refused naming the field, before anything is stored, instead of the database refusing it
 * with only "body" to point at.
 */
@FastTest
class RequestTextBoundsTest {

    /** Bodies whose service checks every field at once and names each one at fault, lengths included. */
    private static final Set<String> CHECKED_WHOLE_BY_THEIR_SERVICE = Set.of(
            "io.recouvra.guarantee.NewGuarantee", // Guarantees.register
            "io.recouvra.guarantee.GuaranteeAmendment", // Guarantees.amend
            "io.recouvra.guarantee.GuaranteeRelease", // Guarantees.release
            "io.recouvra.guarantee.GuaranteeController$PaymentReceived", // GuaranteeCalls.reportPayment
            "io.recouvra.guarantee.GuaranteeController$Refusal", // GuaranteeCalls.reportRefusal
            "io.recouvra.insolvency.InsolvencyController$NewProceedings", // InsolvencyProceedingsService.report
            "io.recouvra.insolvency.InsolvencyController$NewConversion", // InsolvencyProceedingsService.convert
            "io.recouvra.insolvency.InsolvencyController$NewClosing", // InsolvencyProceedingsService.close
            "io.recouvra.insurance.InsurancePolicies$Terms"); // InsurancePolicies.check

    @Test
    void everyTextOfARequestBodyHasAMaximumLength() {
        Set<String> unbounded = new TreeSet<>();
        for (Class<?> body : requestBodies()) {
            if (CHECKED_WHOLE_BY_THEIR_SERVICE.contains(body.getName())) {
                continue;
            }
            for (RecordComponent component : body.getRecordComponents()) {
                if (isText(component.getGenericType()) && !bounded(component)) {
                    unbounded.add(body.getName() + "." + component.getName());
                }
            }
        }
        assertThat(unbounded).as("request texts with no @Size(max)").isEmpty();
    }

    /** The records read from JSON bodies by the controllers, and the records nested in them. */
    private static Set<Class<?>> requestBodies() {
        Set<Class<?>> found = new HashSet<>();
        Deque<Type> toVisit = new ArrayDeque<>();
        for (JavaClass controller : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.recouvra")) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (Method method : controller.reflect().getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class)) {
                        toVisit.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        while (!toVisit.isEmpty()) {
            Type type = toVisit.pop();
            if (type instanceof ParameterizedType generic) {
                toVisit.addAll(java.util.List.of(generic.getActualTypeArguments()));
            } else if (type instanceof Class<?> record && record.isRecord() && found.add(record)) {
                for (RecordComponent component : record.getRecordComponents()) {
                    toVisit.add(component.getGenericType());
                }
            }
        }
        return found;
    }

    private static boolean isText(Type type) {
        return type == String.class || type instanceof ParameterizedType generic
                && java.util.Arrays.asList(generic.getActualTypeArguments()).contains(String.class);
    }

    /** The limit may sit on the component, its accessor, its field, or on the list's element type. */
    private static boolean bounded(RecordComponent component) {
        return hasMax(component) || hasMax(component.getAccessor())
                || component.getAnnotatedType().toString().contains("@" + Size.class.getName())
                || fieldHasMax(component);
    }

    private static boolean hasMax(AnnotatedElement element) {
        return element.isAnnotationPresent(Size.class) && element.getAnnotation(Size.class).max() < Integer.MAX_VALUE
                || element.isAnnotationPresent(Pattern.class) && boundedPattern(element.getAnnotation(Pattern.class).regexp());
    }

    /** A pattern with no open-ended repetition ({@code *}, {@code +}, {@code {n,}}) bounds the length too. */
    private static boolean boundedPattern(String regexp) {
        String unescaped = regexp.replaceAll("\\\\.", "");
        return !unescaped.matches(".*([*+]|\\{\\d+,}).*");
    }

    private static boolean fieldHasMax(RecordComponent component) {
        try {
            return hasMax(component.getDeclaringRecord().getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}

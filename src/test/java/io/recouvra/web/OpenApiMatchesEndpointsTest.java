package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document (/api/v1/openapi) says what the endpoints take: for every JSON request body of the API, the
 * schema it documents has exactly the property names the Java record reads, and marks required exactly those bean
 * validation requires (@NotNull, @NotBlank, @NotEmpty), nested records included.
 */
@RecouvraTest
class OpenApiMatchesEndpointsTest {

    @Autowired
    Api api;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ObjectMapper mapper;

    @Test
    void everyRequestBodySchemaHasTheRecordsJsonNamesAndItsRequiredFields() throws Exception {
        JsonNode openApi = mapper.readTree(api.anonymous().getForObject("/api/v1/openapi", String.class));
        List<String> differences = new ArrayList<>();
        int bodies = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            MethodParameter body = Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
            if (body == null || !body.getParameterType().isRecord()) {
                continue;
            }
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    JsonNode schema = openApi.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/"
                            + method.name().toLowerCase() + "/requestBody/content/application~1json/schema");
                    String where = method + " " + path + " (" + body.getParameterType().getSimpleName() + ")";
                    if (schema.isMissingNode()) {
                        differences.add(where + ": no JSON request body documented");
                        continue;
                    }
                    bodies++;
                    compare(where, mapper.constructType(body.getGenericParameterType()), schema, openApi, differences, 0);
                }
            }
        }

        assertThat(bodies).as("request bodies compared").isGreaterThanOrEqualTo(15);
        assertThat(differences).isEmpty();
    }

    private void compare(String where, JavaType type, JsonNode schema, JsonNode openApi, List<String> differences, int depth) {
        schema = resolved(schema, openApi);
        if (type.isContainerType() && type.getContentType() != null) {
            compare(where, type.getContentType(), schema.path("items"), openApi, differences, depth);
            return;
        }
        if (!type.getRawClass().isRecord() || depth > 4) {
            return;
        }
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        Set<String> javaNames = new TreeSet<>();
        Set<String> javaRequired = new TreeSet<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            javaNames.add(property.getName());
            if (isRequired(type.getRawClass(), property.getInternalName())) {
                javaRequired.add(property.getName());
            }
        }
        Set<String> documented = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> documentedRequired = new TreeSet<>();
        schema.path("required").forEach(name -> documentedRequired.add(name.asText()));
        if (!javaNames.equals(documented)) {
            differences.add(where + " " + type.getRawClass().getSimpleName() + ": reads " + javaNames + ", documents " + documented);
        }
        if (!javaRequired.equals(documentedRequired)) {
            differences.add(where + " " + type.getRawClass().getSimpleName() + ": requires " + javaRequired
                    + ", documents as required " + documentedRequired);
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.getPrimaryType() != null && schema.path("properties").has(property.getName())) {
                compare(where, property.getPrimaryType(), schema.path("properties").path(property.getName()), openApi,
                        differences, depth + 1);
            }
        }
    }

    private static JsonNode resolved(JsonNode schema, JsonNode openApi) {
        if (schema.has("$ref")) {
            return openApi.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    private static boolean isRequired(Class<?> record, String component) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(component)) {
                AnnotatedElement field;
                try {
                    field = record.getDeclaredField(component);
                } catch (NoSuchFieldException e) {
                    field = c;
                }
                return requires(field) || requires(c);
            }
        }
        return false;
    }

    private static boolean requires(AnnotatedElement element) {
        return element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
    }
}

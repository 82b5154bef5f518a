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
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A task's form variables asked for serialized ({@code deserializeValues=false}, as Tasklist asks for a Camunda
 * Form) come back serialized, as the engine REST API promises. A variable written in the same command that reads
 * them (the call sheet, refreshed when the form is opened: {@code collection.CallSheetOnOpen}) is still
 * deserialized in the engine's cache, and the REST API then writes a JSON list where Tasklist expects the JSON
 * text it parses: the form fails with "Unexpected end of JSON input". This filter writes such a value as its JSON
 * text, nothing else.
 */
@Configuration(proxyBeanMethods = false)
class SerializedFormVariables {

    private static final Pattern FORM_VARIABLES = Pattern.compile("^.*/task/[^/]+/form-variables$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> serializedFormVariablesFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Serialized(json));
        registration.setName("serialized-form-variables");
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Each JSON-serialized object variable whose value is not its text any more: the value written as text. */
    static boolean serialize(ObjectNode variables, ObjectMapper json) throws IOException {
        boolean changed = false;
        for (JsonNode variable : variables) {
            if (variable instanceof ObjectNode typed && "Object".equals(typed.path("type").asText())
                    && typed.path("valueInfo").path("serializationDataFormat").asText().contains("json")
                    && typed.has("value") && !typed.get("value").isTextual() && !typed.get("value").isNull()) {
                typed.put("value", json.writeValueAsString(typed.get("value")));
                changed = true;
            }
        }
        return changed;
    }

    private static final class Serialized extends OncePerRequestFilter {

        private final ObjectMapper json;

        Serialized(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"GET".equals(request.getMethod()) || !"false".equals(request.getParameter("deserializeValues"))
                    || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, answer);
            if (answer.getStatus() == 200) {
                JsonNode variables = json.readTree(answer.getContentAsByteArray());
                if (variables instanceof ObjectNode object && serialize(object, json)) {
                    answer.resetBuffer();
                    answer.getOutputStream().write(json.writeValueAsString(object).getBytes(StandardCharsets.UTF_8));
                }
            }
            answer.copyBodyToResponse();
        }
    }
}

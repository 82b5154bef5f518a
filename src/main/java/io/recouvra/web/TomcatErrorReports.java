package io.recouvra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses itself, before any servlet (a URL with a broken escape such as {@code %ZZ}), it answers
 * through its error report valve, not the application's error page. Under {@code /api} that answer is
 * application/problem+json too; elsewhere Tomcat's short page without server details stays.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            // Spring Boot adds its own report valve to the host; the host adds one by class name when none is there
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ApiErrorReportValve());
            if (context.getParent() instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }

    /** Public with a public constructor: the host instantiates its error valve by class name. */
    public static class ApiErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        public ApiErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            if (uri == null || !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", known == null ? "Error" : known.getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", status < 500 ? "The request could not be read: its URL, headers or body are malformed."
                    : "The request failed on our side.");
            problem.put("instance", uri);
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the response cannot take a body any more: nothing more to tell it
            }
        }
    }
}

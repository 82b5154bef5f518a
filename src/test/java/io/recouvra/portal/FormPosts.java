package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Posts a portal form as a browser does: the page that holds the form first (it sets the CSRF cookie and writes
 * the hidden {@code _csrf} field), then the form with both. {@link #postWithoutCsrf} leaves them out.
 */
final class FormPosts {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestRestTemplate http;

    FormPosts(TestRestTemplate http) {
        this.http = http;
    }

    /** Opens {@code page}, then posts {@code fields} to {@code action} with the page's CSRF cookie and field. */
    ResponseEntity<String> post(String page, String action, Map<String, List<String>> fields) {
        ResponseEntity<String> form = http.getForEntity(page, String.class);
        Matcher csrf = HIDDEN_CSRF.matcher(form.getBody());
        assertThat(csrf.find()).as("the page's form carries the _csrf field").isTrue();
        String cookie = form.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("RECOUVRA-PORTAL-CSRF=")).findFirst().orElseThrow().split(";")[0];
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>(fields);
        body.add("_csrf", csrf.group(1).replace("&#45;", "-"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.postForEntity(action, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> postWithoutCsrf(String action, Map<String, List<String>> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.postForEntity(action, new HttpEntity<>(new LinkedMultiValueMap<>(fields), headers), String.class);
    }
}

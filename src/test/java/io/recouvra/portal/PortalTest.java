package io.recouvra.portal;

import io.recouvra.support.Api;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the portal on the real application with the portal switched on. The shared context of the other
 * feature tests keeps it off, as it is by default (their messages carry no link); the portal's tests share this
 * second context (the online payment tests too), with its own engine name so that the engine REST API of the shared one keeps its "default" engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recouvra.portal.enabled=true", "recouvra.portal.secret=test-portal-secret-of-at-least-32-characters",
        "camunda.bpm.process-engine-name=portal",
        // online payment: the sandbox for the portal's "pay online", and Stripe (fixed test keys, an API base that
        // answers nothing) for the webhook tests
        "recouvra.payments.sandbox=true", "recouvra.payments.portal-provider=sandbox",
        "recouvra.payments.stripe.secret-key=sk_test_portal", "recouvra.payments.stripe.webhook-secret=whsec_test_portal_webhook",
        "recouvra.payments.stripe.api-base=http://127.0.0.1:9"})
@ActiveProfiles("test")
@Import(Api.class)
public @interface PortalTest {
}

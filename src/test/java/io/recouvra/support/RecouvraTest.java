package io.recouvra.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A feature test on the real application: embedded PostgreSQL, Flyway, the engine with the deployed
 * models, and the web server on a random port. Every test class using only this annotation shares
 * one Spring context; the job executor is off, so tests execute jobs by hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface RecouvraTest {
}

package io.recouvra.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A feature test on the real application: embedded PostgreSQL, Flyway, the engine with the deployed
 * models, and the web server on a random port, with {@link Api} to call it. Every test class using
 * only this annotation shares one Spring context (add nothing that changes the configuration, or a
 * second context and a second engine start); the job executor is off, so tests execute jobs by hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Api.class, SqlStatements.class})
public @interface RecouvraTest {
}

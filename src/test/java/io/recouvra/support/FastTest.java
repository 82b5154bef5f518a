package io.recouvra.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the fast layer: no database, no engine, no application context beyond a web slice. Such
 * tests run alone with {@code ./mvnw test -Pfast} in seconds, and with every other test in
 * {@code ./mvnw verify}. Feature behaviour end to end stays in {@link RecouvraTest} tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FastTest.TAG)
public @interface FastTest {

    /** The JUnit tag the Maven profile {@code fast} selects. */
    String TAG = "fast";
}

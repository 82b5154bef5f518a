package io.recouvra.support;

import io.recouvra.security.SliceSecurity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice of one feature's controllers: Spring MVC, the problem responses and the application's real
 * security (HTTP Basic against the engine's users, roles by URL, the cross-site write filter), with no
 * database and no engine. The test mocks the feature's services with {@code @MockitoBean}; the engine's
 * users are a mocked {@link IdentityService}, which {@link SliceUsers} fills.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@FastTest
// a datasource URL keeps io.recouvra.database.EmbeddedPostgresEnvironment from starting a PostgreSQL the slice never uses;
// credentials are checked on every request, as the mocked users may change between two
@WebMvcTest(properties = {"spring.datasource.url=jdbc:postgresql://localhost/not-used-by-web-slices",
        "recouvra.security.verified-credentials-for=PT0S"})
@Import(SliceSecurity.class)
@MockitoBean(types = IdentityService.class)
public @interface ApiSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}

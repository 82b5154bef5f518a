package io.recouvra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages under io.recouvra are application modules: no cycle between them, no reach into another
 * module's internals. A plain unit test (bytecode analysis, no Spring context) so {@code ./mvnw verify} checks it
 * in seconds; it also writes the module diagrams to target/spring-modulith-docs.
 */
class ModuleStructureTest {

    // analysed once for both tests: importing the classes is the slow part
    private static final ApplicationModules MODULES = ApplicationModules.of(RecouvraApplication.class);

    @Test
    void modulesHaveNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() throws IOException {
        Path docs = Path.of("target", "spring-modulith-docs");
        Files.deleteIfExists(docs.resolve("components.puml"));
        Files.deleteIfExists(docs.resolve("module-collection.puml"));

        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        assertThat(docs.resolve("components.puml")).content().contains("Collection", "Insurance", "Receivables");
        assertThat(docs.resolve("module-collection.puml")).exists();
    }
}

package io.recouvra;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages under io.recouvra are application modules: no cycle between them, no reach into another
 * module's internals. A plain unit test (bytecode analysis, no Spring context) so {@code ./mvnw verify} checks it
 * in seconds; it also writes the module diagrams to target/spring-modulith-docs.
 */
class ModuleStructureTest {

    private final ApplicationModules modules = ApplicationModules.of(RecouvraApplication.class);

    @Test
    void modulesHaveNoCycleAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

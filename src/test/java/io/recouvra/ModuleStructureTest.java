package io.recouvra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages under io.recouvra are application modules: no cycle between them, no reach into another
 * module's internals. A plain unit test (bytecode analysis, no Spring context) so {@code ./mvnw verify} checks it
 * in seconds; it also writes the module diagrams to target/spring-modulith-docs. Each module may depend on
 * exactly the modules docs/architecture.md lists for it: a new dependency is a design change, made in the docs too.
 */
class ModuleStructureTest {

    // analysed once for both tests: importing the classes is the slow part
    private static final ApplicationModules MODULES = ApplicationModules.of(RecouvraApplication.class);

    @Test
    void modulesHaveNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    /** A row of the "Modules" dependency table: | `module` | `a`, `b` | (a dash for none). */
    private static final Pattern DECLARED = Pattern.compile("^\\| `(\\w+)` \\| ((?:`\\w+`(?:, )?)+|—) \\|$", Pattern.MULTILINE);

    @Test
    void eachModuleDependsOnExactlyWhatTheArchitectureDocDeclares() throws IOException {
        Map<String, TreeSet<String>> declared = new TreeMap<>();
        Matcher row = DECLARED.matcher(Files.readString(Path.of("docs", "architecture.md")));
        while (row.find()) {
            declared.put(row.group(1), Arrays.stream(row.group(2).split(", "))
                    .filter(cell -> !cell.equals("—")).map(cell -> cell.replace("`", ""))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, TreeSet<String>> actual = MODULES.stream().collect(Collectors.toMap(ApplicationModule::getName,
                module -> module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                        .collect(Collectors.toCollection(TreeSet::new)), (a, b) -> a, TreeMap::new));

        assertThat(actual).as("module dependencies; a change is made in docs/architecture.md's Modules table too")
                .isEqualTo(declared);
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

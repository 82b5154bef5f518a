package io.recouvra.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The parts of messaging (its sub-packages) depend one way: the outbox uses the channels, the composition
 * and the contact policy; the webhooks use the outbox. ModuleStructureTest guards the module's edges, this
 * its inside. Bytecode analysis, no Spring context.
 */
class MessagingPartsTest {

    private static final JavaClasses MESSAGING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.recouvra.messaging");

    @Test
    void noCycleBetweenParts() {
        slices().matching("io.recouvra.messaging.(*)..").should().beFreeOfCycles().check(MESSAGING);
    }

    @Test
    void channelsAndTheContactPolicyKnowNoOtherPart() {
        neverUses("channel", "outbox", "webhook", "composition", "contact");
        neverUses("contact", "outbox", "webhook", "composition", "channel");
    }

    @Test
    void theComposerWritesForTheChannelsWithoutKnowingTheOutbox() {
        neverUses("composition", "outbox", "webhook", "contact");
    }

    @Test
    void theOutboxDoesNotKnowWhoCallsBack() {
        neverUses("outbox", "webhook");
    }

    /** Fails if a class of {@code part} depends on a class of one of the {@code forbidden} parts. */
    private static void neverUses(String part, String... forbidden) {
        noClasses().that().resideInAPackage("io.recouvra.messaging." + part + "..")
                .should().dependOnClassesThat().resideInAnyPackage(Arrays.stream(forbidden)
                        .map(other -> "io.recouvra.messaging." + other + "..").toArray(String[]::new))
                .check(MESSAGING);
    }
}

package io.recouvra.engine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Process migrations", description = "Running instances moved to the latest version of their process (admins)")
class ProcessMigrationController {

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    /** {@code invoice-collection} names process InvoiceCollection: the process key in lower case, words joined by hyphens. */
    @PostMapping("/api/v1/admin/process-migrations/{process}")
    @Operation(summary = "Migrate the running instances of older versions of a process to its latest version",
            description = "Answers per older version the instances migrated and those left on their version, with the "
                    + "engine's reason. dryRun=true migrates each instance in a transaction rolled back: the same report, "
                    + "nothing changed.")
    MigrationReport migrate(@PathVariable String process, @RequestParam(defaultValue = "false") boolean dryRun) {
        return migrations.migrateToLatest(migrations.upgradeOf(processKey(process)), dryRun);
    }

    private static String processKey(String slug) {
        StringBuilder key = new StringBuilder();
        for (String word : slug.split("-")) {
            if (!word.isEmpty()) {
                key.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return key.toString();
    }
}

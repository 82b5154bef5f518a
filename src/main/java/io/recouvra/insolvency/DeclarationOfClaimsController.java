package io.recouvra.insolvency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Declaration of claims", description = "The declaration of claims of a customer in insolvency proceedings: figures, PDF, bundle")
class DeclarationOfClaimsController {

    private final ClaimDeclarations declarations;

    DeclarationOfClaimsController(ClaimDeclarations declarations) {
        this.declarations = declarations;
    }

    @GetMapping("/api/v1/insolvency-proceedings/{id}/declaration")
    @Operation(summary = "The claims to declare, as of the opening judgment: each invoice's principal, interest to the judgment, "
            + "indemnity, due or falling due later; the totals per currency, the securities and the deadlines")
    ClaimDeclarations.Declaration declaration(@PathVariable UUID id) {
        return declarations.figures(id);
    }

    @GetMapping(value = "/api/v1/insolvency-proceedings/{id}/declaration.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The declaration (PDF) as prepared for the representative")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return download(declarations.pdf(id), "declaration-de-creances-" + id + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping(value = "/api/v1/insolvency-proceedings/{id}/bundle.zip", produces = "application/zip")
    @Operation(summary = "The declaration, the formal notices sent and the statement of the declared invoices, in one ZIP")
    ResponseEntity<byte[]> bundle(@PathVariable UUID id) {
        return download(declarations.bundle(id), "declaration-de-creances-" + id + ".zip", MediaType.parseMediaType("application/zip"));
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(content);
    }
}

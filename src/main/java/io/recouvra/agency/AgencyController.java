package io.recouvra.agency;

import io.recouvra.agency.AgencyCases.AgencyCaseView;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agencies' status webhook ({@code POST /webhooks/agencies/{agencyId}}, signed, see docs/agencies.md)
 * and the agency cases of an invoice for the staff.
 */
@RestController
class AgencyController {

    private final AgencyUpdates updates;
    private final AgencyCases cases;

    AgencyController(AgencyUpdates updates, AgencyCases cases) {
        this.updates = updates;
        this.cases = cases;
    }

    /** 200 applied or duplicate (a replay changes nothing); 403 bad signature; 400 unreadable; 409 send later. */
    @PostMapping(path = "/webhooks/agencies/{agencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> update(@PathVariable String agencyId, @RequestBody byte[] body,
                               @RequestHeader(name = AgencySignatures.HEADER, required = false) String signature) {
        return Map.of("status", updates.receive(agencyId, body, signature).name().toLowerCase());
    }

    @ExceptionHandler(AgencyUpdates.ForgedUpdate.class)
    ResponseEntity<Void> forged() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/api/v1/invoices/{number}/agency-cases")
    List<AgencyCaseView> ofInvoice(@PathVariable String number) {
        return cases.ofInvoice(number);
    }
}

package io.recouvra.agency;

import io.recouvra.agency.AgencySettings.Agency;
import io.recouvra.agency.AgencySettings.Transport;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The configured agencies and the port each is reached through. A mistake in the configuration stops
 * the start with every problem named, rather than surfacing on the first hand-off.
 */
class CollectionAgencies {

    private static final Logger log = LoggerFactory.getLogger(CollectionAgencies.class);

    private final Map<String, Agency> agencies = new LinkedHashMap<>();
    private final Map<String, CollectionAgency> ports = new LinkedHashMap<>();

    CollectionAgencies(AgencySettings settings, Map<Transport, PortFactory> factories) {
        List<String> problems = new ArrayList<>();
        List<Agency> configured = settings.agencies() == null ? List.of() : settings.agencies();
        for (int i = 0; i < configured.size(); i++) {
            Agency agency = withSandboxSecret(configured.get(i));
            String at = "recouvra.agency.agencies[" + i + "]";
            check(agency, at, problems);
            if (agencies.containsKey(agency.id())) {
                problems.add(at + ".id: " + agency.id() + " is configured twice");
            }
            agencies.put(agency.id(), agency);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Collection agencies misconfigured: " + String.join("; ", problems));
        }
        agencies.values().forEach(agency -> ports.put(agency.id(), factories.get(agency.transport()).portFor(agency)));
    }

    /** How a transport reaches one agency. */
    interface PortFactory {
        CollectionAgency portFor(Agency agency);
    }

    Optional<Agency> find(String id) {
        return Optional.ofNullable(agencies.get(id));
    }

    Agency get(String id) {
        Agency agency = agencies.get(id);
        if (agency == null) {
            throw new NotFoundException("No collection agency " + id);
        }
        return agency;
    }

    /** An id AgencySelection returned that no configuration matches is a modelling error: said plainly. */
    Agency selected(String id) {
        Agency agency = agencies.get(id);
        if (agency == null) {
            throw new IllegalStateException("AgencySelection chose agency '" + id + "', which is not configured (recouvra.agency.agencies: "
                    + agencies.keySet() + ")");
        }
        return agency;
    }

    CollectionAgency port(String id) {
        get(id);
        return ports.get(id);
    }

    List<Agency> all() {
        return List.copyOf(agencies.values());
    }

    private static void check(Agency agency, String at, List<String> problems) {
        if (!StringUtils.hasText(agency.id()) || !agency.id().matches("[a-z0-9-]{1,64}")) {
            problems.add(at + ".id: required, lower-case letters, digits and dashes");
        }
        if (!StringUtils.hasText(agency.name())) {
            problems.add(at + ".name: required");
        }
        if (agency.transport() == null) {
            problems.add(at + ".transport: required (HTTP, FILE or SANDBOX)");
        } else if (agency.transport() == Transport.HTTP && (!StringUtils.hasText(agency.baseUrl()) || !StringUtils.hasText(agency.apiKey()))) {
            problems.add(at + ": an HTTP agency needs base-url and api-key");
        } else if (agency.transport() == Transport.FILE && !StringUtils.hasText(agency.dropFolder())) {
            problems.add(at + ".drop-folder: required for a FILE agency");
        }
        if (agency.transport() != Transport.SANDBOX && (!StringUtils.hasText(agency.webhookSecret()) || agency.webhookSecret().length() < 16)) {
            problems.add(at + ".webhook-secret: required, at least 16 characters");
        }
        if (!isPercent(agency.commissionRate())) {
            problems.add(at + ".commission-rate: required, between 0 and 100");
        }
        if (agency.directPaymentCommissionRate() != null && !isPercent(agency.directPaymentCommissionRate())) {
            problems.add(at + ".direct-payment-commission-rate: between 0 and 100");
        }
        if (agency.mandate() == null || agency.mandate().isNegative() || agency.mandate().isZero()) {
            problems.add(at + ".mandate: required, a positive period such as P90D");
        }
    }

    private static boolean isPercent(BigDecimal rate) {
        return rate != null && rate.signum() >= 0 && rate.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    /** A sandbox agency lives inside Recouvra: without a configured secret it gets a random one per start. */
    private static Agency withSandboxSecret(Agency agency) {
        if (agency.transport() != Transport.SANDBOX || StringUtils.hasText(agency.webhookSecret())) {
            return agency;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        log.info("Sandbox agency {} signs its updates with a secret generated for this run", agency.id());
        return new Agency(agency.id(), agency.name(), agency.transport(), agency.baseUrl(), agency.apiKey(), agency.dropFolder(),
                HexFormat.of().formatHex(secret), agency.commissionRate(), agency.directPaymentCommissionRate(),
                agency.mandate(), agency.timeout());
    }
}

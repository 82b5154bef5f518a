package io.recouvra.insolvency;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A register of securities for tests, standing in for the guarantee register until it exists: it knows only the
 * customers a test gives it, so every other test's declarations stay unsecured.
 */
@Component
class RegisteredSecurities implements ClaimSecurities {

    private static final Map<UUID, List<ClaimSecurity>> BY_CUSTOMER = new ConcurrentHashMap<>();

    static void register(UUID customerId, ClaimSecurity security) {
        BY_CUSTOMER.merge(customerId, List.of(security), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }

    @Override
    public List<ClaimSecurity> of(UUID customerId, Collection<String> invoiceNumbers) {
        return BY_CUSTOMER.getOrDefault(customerId, List.of()).stream()
                .filter(s -> s.invoiceNumber() == null || invoiceNumbers.contains(s.invoiceNumber())).toList();
    }
}

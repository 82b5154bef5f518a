package io.recouvra.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.agency.AgencySettings.Agency;
import io.recouvra.agency.AgencySettings.Transport;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mistake in the agencies' configuration stops the start, with every problem named. */
class CollectionAgenciesTest {

    private static final Map<Transport, CollectionAgencies.PortFactory> PORTS = Map.of(
            Transport.HTTP, agency -> new SandboxCollectionAgency(agency.id()),
            Transport.FILE, agency -> new SandboxCollectionAgency(agency.id()),
            Transport.SANDBOX, agency -> new SandboxCollectionAgency(agency.id()));

    @Test
    void everyProblemIsNamedWithItsSetting() {
        List<Agency> agencies = List.of(
                new Agency("nord", "Nord", Transport.HTTP, null, null, null, "short", new BigDecimal("12"), null, Period.ofDays(90), null),
                new Agency("Bad Id", "", Transport.FILE, null, null, null, null, new BigDecimal("120"), new BigDecimal("-1"), Period.ZERO, null),
                new Agency("nord", "Nord again", Transport.SANDBOX, null, null, null, null, BigDecimal.TEN, null, Period.ofDays(30), null));

        assertThatThrownBy(() -> new CollectionAgencies(new AgencySettings(agencies, null), PORTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agencies[0]: an HTTP agency needs base-url and api-key")
                .hasMessageContaining("agencies[0].webhook-secret")
                .hasMessageContaining("agencies[1].id")
                .hasMessageContaining("agencies[1].name")
                .hasMessageContaining("agencies[1].drop-folder")
                .hasMessageContaining("agencies[1].commission-rate")
                .hasMessageContaining("agencies[1].direct-payment-commission-rate")
                .hasMessageContaining("agencies[1].mandate")
                .hasMessageContaining("agencies[2].id: nord is configured twice");
    }

    @Test
    void aSandboxAgencyWithoutASecretGetsARandomOneAndAnUnconfiguredChoiceIsSaidPlainly() {
        CollectionAgencies agencies = new CollectionAgencies(new AgencySettings(List.of(
                new Agency("sandbox-a", "A", Transport.SANDBOX, null, null, null, null, BigDecimal.TEN, null, Period.ofDays(30), null),
                new Agency("sandbox-b", "B", Transport.SANDBOX, null, null, null, null, BigDecimal.TEN, null, Period.ofDays(30), null)),
                null), PORTS);

        assertThat(agencies.get("sandbox-a").webhookSecret()).hasSize(64)
                .isNotEqualTo(agencies.get("sandbox-b").webhookSecret());
        assertThatThrownBy(() -> agencies.selected("euro-collect")).hasMessageContaining("AgencySelection chose agency 'euro-collect'")
                .hasMessageContaining("sandbox-a");
    }
}

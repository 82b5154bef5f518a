package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverduePolicyTest {

    @Test
    void anInvoiceIsOverdueFromTheDayAfterItsDueDate() {
        assertThat(new OverduePolicy().overdueSince(LocalDate.of(2026, 11, 30))).isEqualTo("2026-12-01");
        assertThat(new OverduePolicy().overdueSince(LocalDate.of(2026, 12, 31))).isEqualTo("2027-01-01");
    }
}

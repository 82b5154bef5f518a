package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The customer's two insolvency days: the one that splits its claims, and the one it came out of proceedings. */
class CustomerInsolvencyDaysTest {

    private final Customer customer = new Customer("Menuiserie Perrin SAS", "552100554", "FR", "fr", ZoneId.of("Europe/Paris"),
            "4 rue des Tanneurs", "69001", "Lyon", Instant.parse("2026-01-02T08:00:00Z"));

    @Test
    void whileTheProceedingsRunTheEarliestReportStands() {
        customer.reportInsolvency(LocalDate.of(2026, 3, 2));
        customer.reportInsolvency(LocalDate.of(2026, 4, 1));
        assertThat(customer.getInsolvencyReportedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        customer.reportInsolvency(LocalDate.of(2026, 2, 15));
        assertThat(customer.getInsolvencyReportedOn()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(customer.isInInsolvencyProceedings()).isTrue();
    }

    @Test
    void aClosingBackInBonisEndsTheProceedingsButKeepsTheDayThatSplitsTheClaims() {
        customer.insolvencyEnded(LocalDate.of(2026, 10, 1));
        assertThat(customer.getInsolvencyEndedOn()).as("no proceedings to end").isNull();

        customer.reportInsolvency(LocalDate.of(2026, 3, 2));
        customer.insolvencyEnded(LocalDate.of(2026, 10, 1));
        assertThat(customer.isInInsolvencyProceedings()).isFalse();
        assertThat(customer.getInsolvencyReportedOn()).isEqualTo(LocalDate.of(2026, 3, 2));

        // a late report of the same, closed proceedings changes nothing
        customer.reportInsolvency(LocalDate.of(2026, 3, 2));
        assertThat(customer.isInInsolvencyProceedings()).isFalse();
    }

    @Test
    void newProceedingsAfterTheClosingMoveTheDayToTheirJudgment() {
        customer.reportInsolvency(LocalDate.of(2026, 3, 2));
        customer.insolvencyEnded(LocalDate.of(2026, 10, 1));

        customer.reportInsolvency(LocalDate.of(2028, 5, 15));

        assertThat(customer.getInsolvencyReportedOn()).as("every claim born before the new judgment is frozen by it")
                .isEqualTo(LocalDate.of(2028, 5, 15));
        assertThat(customer.getInsolvencyEndedOn()).isNull();
        assertThat(customer.isInInsolvencyProceedings()).isTrue();
    }
}

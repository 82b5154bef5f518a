package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.insurance.InsuredInvoices.InsuredInvoice;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.scoring.CreditScore;
import io.recouvra.scoring.RiskClass;
import io.recouvra.scoring.Scoring;
import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;

/** The facts CallPriority gives its table, from the ledger, the score, the promises and the insured invoices (mocked). */
@FastTest
class CallPriorityTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 23 November 2026, at noon in Paris. */
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), PARIS);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final UUID CUSTOMER = UUID.fromString("ca11ca11-0000-4000-8000-000000000002");

    private final InvoiceService invoices = mock(InvoiceService.class);
    private final Scoring scoring = mock(Scoring.class);
    private final PromisesToPay promises = mock(PromisesToPay.class);
    private final InsuredInvoices insured = mock(InsuredInvoices.class);
    private final CollectionCalendar calendar = new CollectionCalendar(PARIS, MONDAY);
    private final CallPriority priority = new CallPriority(mock(DecisionService.class), invoices, scoring, promises, insured,
            calendar);

    @Test
    void theFactsAreWhatIsOverdueTodayTheLatestClassThePromisesBrokenInAYearAndTheNearestDeadlineNotDeclaredYet() {
        // overdue: 1 000,00 due 10 days ago and 234,56 due yesterday (1 day); 500,00 due today is not overdue yet
        List<Invoice> open = List.of(invoice(TODAY.minusDays(10), "1000.00"), invoice(TODAY.minusDays(1), "234.56"),
                invoice(TODAY, "500.00"));
        given(invoices.openOf(CUSTOMER)).willReturn(open);
        CreditScore score = mock(CreditScore.class);
        given(score.getRiskClass()).willReturn(RiskClass.D);
        given(scoring.history(CUSTOMER, 1)).willReturn(List.of(score));
        // broken promises counted from 23 November 2025
        given(promises.countBroken(CUSTOMER, LocalDate.of(2025, 11, 23))).willReturn(2);
        // deadlines: 2 December (declared already: the insurer knows), 9 December (watched: 16 days), 5 December (watched: 12 days)
        given(insured.ofCustomer(CUSTOMER)).willReturn(List.of(insured(InsuredInvoices.Status.DECLARED, LocalDate.of(2026, 12, 2)),
                insured(InsuredInvoices.Status.WATCHED, LocalDate.of(2026, 12, 9)),
                insured(InsuredInvoices.Status.WATCHED, LocalDate.of(2026, 12, 5))));

        CallPriority.Facts facts = priority.factsOf(CUSTOMER);

        assertThat(facts).isEqualTo(new CallPriority.Facts(new BigDecimal("1234.56"), 10, "D", 2, 12));
    }

    @Test
    void aCustomerNotScoredWithoutInsuredInvoicesHasNeitherClassNorDeadline() {
        List<Invoice> notYetDue = List.of(invoice(TODAY.plusDays(5), "80.00"));
        given(invoices.openOf(CUSTOMER)).willReturn(notYetDue);

        CallPriority.Facts facts = priority.factsOf(CUSTOMER);

        assertThat(facts).isEqualTo(new CallPriority.Facts(BigDecimal.ZERO, 0, null, 0, null));
    }

    @Test
    void theFollowUpDateIsTheStartOfThatDayInTheBusinessZone() {
        assertThat(priority.followUpDate(new CallPriority.Rank(40, 1)).toInstant())
                .as("24 November, 00:00 in Paris").isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(priority.followUpDate(new CallPriority.Rank(95, 0)).toInstant()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
    }

    private static Invoice invoice(LocalDate dueDate, String outstanding) {
        Invoice invoice = mock(Invoice.class);
        given(invoice.getDueDate()).willReturn(dueDate);
        given(invoice.getOutstanding()).willReturn(new BigDecimal(outstanding));
        return invoice;
    }

    private static InsuredInvoice insured(InsuredInvoices.Status status, LocalDate deadline) {
        return new InsuredInvoice(UUID.randomUUID(), "F-1", CUSTOMER, UUID.randomUUID(), status, BigDecimal.ONE, deadline,
                deadline.minusDays(3), null, null, false, null, null, null, null, null, null);
    }
}

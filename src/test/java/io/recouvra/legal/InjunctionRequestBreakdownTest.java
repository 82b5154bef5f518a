package io.recouvra.legal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The injunction request's interest lines add up to the interest it claims, to the cent. */
@RecouvraTest
class InjunctionRequestBreakdownTest {

    @Autowired
    LegalCaseFixtures fixtures;
    @Autowired
    InjunctionRequests requests;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thePeriodLinesCarryTheRoundingSoTheyAddUpToTheInterestClaimed() throws Exception {
        fixtures.deployCaller();
        EngineClock.moveTo(LocalDate.of(2025, 7, 31));
        UUID debtor = fixtures.debtor("Lyon", "69002");
        String number = fixtures.invoice(debtor, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31), "1000.36");
        fixtures.escalateToCourt(number);
        fixtures.runJobs(fixtures.legalCase(number));

        // 1,000.36 due 31 May 2025, request built on 31 July 2025, no contractual rate:
        //   1–30 June 2025, 30 days at 3.15 + 10 = 13.15 %: 1,000.36 × 13.15 × 30 / 36,500 = 10.8121101370
        //   1–31 July 2025, 31 days at 2.15 + 10 = 12.15 %: 1,000.36 × 12.15 × 31 / 36,500 = 10.3228929863
        //   exact total 21.1350031233 -> 21.14 claimed
        // one by one the lines would round to 10.81 + 10.32 = 21.13; carried: 10.81, then 21.14 - 10.81 = 10.33
        String text = text(requests.requestPdf(number));

        assertThat(text).contains("1 juin 2025 30 juin 2025 30 1 000,36 € 13,15 % 10,81 €")
                .contains("1 juillet 2025 31 juillet 2025 31 1 000,36 € 12,15 % 10,33 €")
                .contains("21,14 €")
                .doesNotContain("10,32 €");
        assertThat(fixtures.legalCaseRow(number).interest()).isEqualByComparingTo("21.14");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replace('\u202F', ' ')
                    .replaceAll("[ \\t]*\\R[ \\t]*", " ").replaceAll(" +", " ");
        }
    }
}

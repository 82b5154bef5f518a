package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP's CSV injection advice: a cell that could start a formula is shown as text, numbers stay numbers. */
@FastTest
class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"Payer\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "-", "+", "=", "@"})
    void aCellThatCouldStartAFormulaIsPrefixedWithAQuote(String typed) {
        assertThat(SpreadsheetCells.text(typed)).isEqualTo("'" + typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12,50", "-12.50", "-3", "+33612345678", "1234,50", "Garage Dupont", "SARL =Dupont",
            "'already quoted", ""})
    void numbersAndOrdinaryTextAreKeptAsTheyAre(String value) {
        assertThat(SpreadsheetCells.text(value)).isEqualTo(value);
    }

    @Test
    void aRowKeepsNumbersAndNullsAndNeutralisesText() {
        assertThat(SpreadsheetCells.row(new BigDecimal("-12.50"), null, LocalDate.of(2026, 12, 3), "=1+1", "Dupont"))
                .containsExactly(new BigDecimal("-12.50"), null, "2026-12-03", "'=1+1", "Dupont");
    }
}

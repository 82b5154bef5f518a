package io.recouvra.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.56|1234.56", "1234,56|1234.56", "1 234,56|1234.56", "1\u00a0234,56|1234.56", "1\u202f234,56|1234.56",
            "1.234,56|1234.56", "1,234.56|1234.56", "1 234 567|1234567", "1.234.567,8|1234567.8", "75.5|75.5", "0,99|0.99",
            "12|12", "1 234|1234"})
    void readsAmountsAsAccountingExportsWriteThem(String text, String expected) {
        assertThat(CsvValues.amount(text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "1,234", "1.234", "12.345", "1.234.567.89,1.2", "1 23,00", "1,234,56", "10.001", "1.2.3"})
    void refusesWhatIsNotClearlyAnAmount(String text) {
        assertThatThrownBy(() -> CsvValues.amount(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-31,2026-03-31", "31/03/2026,2026-03-31", "01/12/2026,2026-12-01"})
    void readsIsoAndFrenchDates(String text, LocalDate expected) {
        assertThat(CsvValues.date(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2026", "2026-02-30", "12/31/2026", "31.03.2026", "yesterday"})
    void refusesImpossibleOrOtherDates(String text) {
        assertThatThrownBy(() -> CsvValues.date(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.FastTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the dashboard writes for Excel, for the charts' script blocks, and for people. */
@FastTest
class CsvAndChartJsonTest {

    @Test
    void aTextThatCouldRunAsAFormulaGetsAnApostropheAndNumbersStayNumbers() {
        String csv = Csv.withHeader("a", "b")
                .row("=1+2", "+33 6 12")
                .row("-3", "@SUM(A1)")
                .row("-3+cmd", "+33612345678")
                .row("\tTab", "\rReturn")
                .row(new BigDecimal("-1234.50"), LocalDate.of(2026, 3, 31))
                .row("Dupont; fils", "dit \"le grand\"")
                .toString();

        assertThat(csv).isEqualTo("\uFEFFa;b\r\n"
                + "'=1+2;'+33 6 12\r\n"
                // a text that is a number is no formula and stays one (web.SpreadsheetCells); anything more is neutralised
                + "-3;'@SUM(A1)\r\n"
                + "'-3+cmd;+33612345678\r\n"
                + "'\tTab;\"'\rReturn\"\r\n"
                + "-1234,50;31/03/2026\r\n"
                + "\"Dupont; fils\";\"dit \"\"le grand\"\"\"\r\n");
    }

    @Test
    void chartDataCannotCloseItsScriptBlock() {
        String json = ChartJson.of(List.of(Map.of("name", "</script><script>alert('x')</script>&")));

        assertThat(json).doesNotContain("<", ">", "&", "'")
                .isEqualTo("[{\"name\":\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(\\u0027x\\u0027)\\u003C/script\\u003E\\u0026\"}]");
    }

    @Test
    void amountsDatesAndDaysInFrenchAndInEnglish() {
        Formats french = new Formats(Locale.FRANCE);
        assertThat(french.money(new BigDecimal("1234.56"), "EUR")).isEqualTo("1 234,56 €");
        assertThat(french.day(LocalDate.of(2026, 3, 1))).isEqualTo("01/03/2026");
        assertThat(french.decimal(Optional.of(new BigDecimal("1045.0")))).isEqualTo("1 045,0");
        assertThat(french.decimal(Optional.empty())).isEqualTo("—");
        Formats english = new Formats(Locale.UK);
        assertThat(english.money(new BigDecimal("1234.56"), "EUR")).isEqualTo("€1,234.56");
        assertThat(english.decimal(new BigDecimal("52.4"))).isEqualTo("52.4");
    }
}

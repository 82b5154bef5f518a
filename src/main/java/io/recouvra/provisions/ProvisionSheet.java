package io.recouvra.provisions;

import io.recouvra.provisions.ProvisionReport.CurrencyTotal;
import io.recouvra.provisions.ProvisionReport.Heading;
import io.recouvra.provisions.ProvisionReport.Total;
import java.util.List;

/**
 * Where a month's provisions go as they are worked out: the heading first, then each line in the report's order
 * (customer name, due date, number), then the totals, added up meanwhile. A CSV or a JSON answer written as the
 * database's cursor reads the invoices, so that a book of a million invoices is never whole in memory.
 */
interface ProvisionSheet {

    void heading(Heading heading);

    void line(ProvisionLine line);

    void totals(List<Total> totals, List<CurrencyTotal> currencies);
}

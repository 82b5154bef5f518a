package io.recouvra.interest;

import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.RegistrationNotices;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Says, when an invoice is registered, that its contractual late-payment rate is under the legal floor
 * (three times the legal interest rate, article L. 441-10 II of the Code de commerce) and will be raised to
 * it: for every half-year from the one its interest starts in to the current one whose rates are recorded
 * (the current one only for an invoice not yet due).
 */
@Component
class ContractualRateFloor implements RegistrationNotices {

    static final String FIELD = "contractualInterestRate";

    private final LatePaymentRates rates;
    private final Clock clock;

    ContractualRateFloor(LatePaymentRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    public List<Notice> about(Invoice invoice) {
        BigDecimal contractual = invoice.getContractualInterestRate();
        if (contractual == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate firstLateDay = invoice.getDueDate().plusDays(1);
        LocalDate from = HalfYearRate.startOf(firstLateDay.isAfter(today) ? today : firstLateDay);
        LocalDate to = HalfYearRate.startOf(today);
        Map<LocalDate, HalfYearRate> recorded = rates.all().stream()
                .collect(Collectors.toMap(HalfYearRate::start, Function.identity()));
        List<Notice> notices = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusMonths(6)) {
            HalfYearRate rate = recorded.get(start);
            if (rate != null && rate.raisesToFloor(contractual)) {
                notices.add(new Notice(FIELD, raised(contractual, rate)));
            }
        }
        return notices;
    }

    static String raised(BigDecimal contractual, HalfYearRate rate) {
        return "the contractual rate " + contractual.stripTrailingZeros().toPlainString() + " % is under the legal floor "
                + "of three times the legal interest rate for the half-year starting " + rate.start() + " (3 x "
                + rate.legalRate().stripTrailingZeros().toPlainString() + " % = "
                + rate.floorRate().stripTrailingZeros().toPlainString() + " %): interest runs at "
                + rate.floorRate().stripTrailingZeros().toPlainString() + " % for that half-year (article L. 441-10 II "
                + "of the Code de commerce)";
    }
}

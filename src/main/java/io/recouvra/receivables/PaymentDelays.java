package io.recouvra.receivables;

import io.recouvra.database.RetryingTransactions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each customer's payment delay (table {@code customer_payment_delay}) and the day each of its open invoices is
 * expected ({@code invoice.expected_on}: the due date shifted by the delay), which the cash forecast reads instead of
 * working the delays out of twelve months of allocations on every request (docs/dashboard.md).
 * <p>
 * A customer's delay moves when one of its payments is booked: it is worked out again in the payment's transaction,
 * under the customer's lock, so the forecast knows it at once. It also moves without any payment, as allocations leave
 * the twelve months' window: every night one node works out every customer's delay as of the new day and refreshes the
 * customers whose shift changed, one customer per transaction under its lock, as a payment would.
 */
@Component
public class PaymentDelays {

    private static final Logger log = LoggerFactory.getLogger(PaymentDelays.class);

    private final JdbcTemplate jdbc;
    private final LedgerLocks locks;
    private final RetryingTransactions transactions;
    private final Clock clock;

    PaymentDelays(JdbcTemplate jdbc, LedgerLocks locks, RetryingTransactions transactions, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void paymentBooked(LedgerEvents.PaymentBooked payment) {
        refresh(payment.customerId(), LocalDate.now(clock));
    }

    /**
     * The customer's delay as of {@code today}, and its open sales invoices moved to their expected day. Runs in the
     * caller's transaction, which holds the customer's lock (a payment's), or in one of its own.
     */
    @Transactional
    public void refresh(UUID customerId, LocalDate today) {
        int kept = jdbc.update("""
                insert into recouvra.customer_payment_delay (customer_id, days, shift_days, computed_on)
                select customer_id, days, round(days)::integer, ? from (""" + CashFigures.PAYMENT_DELAY + """
                ) delay where customer_id = ?
                on conflict (customer_id) do update set days = excluded.days, shift_days = excluded.shift_days,
                    computed_on = excluded.computed_on""", today, today.minusMonths(12), today, customerId);
        if (kept == 0) {
            jdbc.update("delete from recouvra.customer_payment_delay where customer_id = ?", customerId);
        }
        jdbc.update("""
                update recouvra.invoice i
                set expected_on = i.due_date + coalesce((select d.shift_days from recouvra.customer_payment_delay d
                                                         where d.customer_id = i.customer_id), 0)
                where i.customer_id = ? and i.kind = 'INVOICE' and i.outstanding > 0
                  and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
                  and i.expected_on <> i.due_date + coalesce((select d.shift_days from recouvra.customer_payment_delay d
                                                              where d.customer_id = i.customer_id), 0)""", customerId);
    }

    /**
     * Every customer whose shift as of {@code today} is not the one kept (allocations left or entered the window
     * since), refreshed one at a time under its lock. @return how many customers were refreshed
     */
    public int refreshChanged(LocalDate today) {
        List<UUID> changed = jdbc.queryForList("""
                select coalesce(now.customer_id, kept.customer_id)
                from (select customer_id, round(days)::integer as shift_days from (""" + CashFigures.PAYMENT_DELAY + """
                     ) delay) now
                full join recouvra.customer_payment_delay kept on kept.customer_id = now.customer_id
                where now.shift_days is distinct from kept.shift_days""", UUID.class, today.minusMonths(12), today);
        for (UUID customer : changed) {
            transactions.run("payment delay of " + customer, () -> {
                locks.customer(customer);
                refresh(customer, today);
            });
        }
        log.info("Payment delays as of {}: {} customers' shifts changed", today, changed.size());
        return changed.size();
    }
}

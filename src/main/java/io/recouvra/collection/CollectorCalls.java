package io.recouvra.collection;

import io.recouvra.database.CustomerLocks;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One conversation per customer: an invoice whose strategy asks for a call joins the customer's open
 * collector call, or opens one (a CollectorCall instance, business key = the call's id). When the call
 * is over, every invoice it was about gets the outcome.
 */
@Service
class CollectorCalls {

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final CustomerService customers;
    private final CustomerLocks locks;
    private final Clock clock;

    CollectorCalls(JdbcTemplate jdbc, RuntimeService runtime, CustomerService customers, CustomerLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.customers = customers;
        this.locks = locks;
        this.clock = clock;
    }

    /** The invoice joins the customer's open call, or a new call is opened for it. Returns the call's id. */
    @Transactional
    UUID request(UUID customerId, String invoiceNumber) {
        lock(customerId);
        UUID callId = openCall(customerId).orElse(null);
        if (callId == null) {
            callId = UUID.randomUUID();
            jdbc.update("insert into recouvra.collector_call (id, customer_id, status, opened_at) values (?, ?, 'OPEN', ?)",
                    callId, customerId, Timestamp.from(clock.instant()));
            Customer customer = customers.get(customerId);
            runtime.startProcessInstanceByKey(CollectorCallContract.PROCESS_KEY, callId.toString(), Variables.createVariables()
                    .putValue(CollectorCallContract.CALL_ID, callId.toString())
                    .putValue("customerId", customerId.toString())
                    .putValue("customerName", customer.getLegalName())
                    .putValue("callAttempts", 0));
        }
        jdbc.update("insert into recouvra.collector_call_invoice (call_id, invoice_number) values (?, ?) on conflict do nothing",
                callId, invoiceNumber);
        return callId;
    }

    /** Counts one more try at calling. */
    @Transactional
    int attempt(UUID callId) {
        return jdbc.queryForObject("update recouvra.collector_call set attempts = attempts + 1 where id = ? returning attempts",
                Integer.class, callId);
    }

    @Transactional(readOnly = true)
    List<String> invoicesOf(UUID callId) {
        return jdbc.queryForList("select invoice_number from recouvra.collector_call_invoice where call_id = ? order by invoice_number",
                String.class, callId);
    }

    /**
     * Closes the call; invoices that ask for a call from now on open a new one. Returns the invoices the
     * call was about, read under the customer's lock so that none joins after it.
     */
    @Transactional
    List<String> close(UUID callId, UUID customerId, String outcome) {
        lock(customerId);
        jdbc.update("update recouvra.collector_call set status = 'CLOSED', outcome = ?, closed_at = ? where id = ?",
                outcome, Timestamp.from(clock.instant()), callId);
        return invoicesOf(callId);
    }

    /** Gives each invoice's process the outcome, by business key; an invoice settled meanwhile has none. */
    void tellInvoices(List<String> invoiceNumbers, Map<String, Object> outcome) {
        for (String number : invoiceNumbers) {
            runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_CALL_OUTCOME)
                    .processInstanceBusinessKey(number)
                    .setVariables(outcome)
                    .correlateAll();
        }
    }

    /**
     * The customer's open call. One whose process is gone (cancelled in Cockpit, say) is closed as
     * abandoned, so that no invoice joins a call nobody will make.
     */
    private Optional<UUID> openCall(UUID customerId) {
        Optional<UUID> open = jdbc.queryForList("select id from recouvra.collector_call where customer_id = ? and status = 'OPEN'",
                UUID.class, customerId).stream().findFirst();
        if (open.isPresent() && runtime.createProcessInstanceQuery().processDefinitionKey(CollectorCallContract.PROCESS_KEY)
                .processInstanceBusinessKey(open.get().toString()).count() == 0) {
            jdbc.update("update recouvra.collector_call set status = 'CLOSED', outcome = 'ABANDONED', closed_at = ? where id = ?",
                    Timestamp.from(clock.instant()), open.get());
            return Optional.empty();
        }
        return open;
    }

    private void lock(UUID customerId) {
        locks.lock(CustomerLocks.Space.COLLECTOR_CALL, customerId);
    }
}

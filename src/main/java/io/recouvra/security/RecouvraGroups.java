package io.recouvra.security;

import java.util.List;

/** The engine groups Recouvra creates on first start. Group ids are what users see in Camunda Admin. */
public final class RecouvraGroups {

    public static final String COLLECTORS = "collectors";
    public static final String DISPUTE_HANDLERS = "dispute-handlers";
    public static final String LEGAL = "legal";
    public static final String CREDIT_MANAGERS = "credit-managers";
    public static final String MANAGERS = "managers";
    /** The sales and operations people a dispute handler asks (was it delivered, what price was agreed). */
    public static final String SALES_OPERATIONS = "sales-operations";
    public static final String ADMINS = "admins";
    /** Machine accounts of the systems that push invoices and payments through /api/v1. */
    public static final String INTEGRATORS = "integrators";

    /** Everybody who works tasks in Tasklist. */
    public static final List<String> STAFF = List.of(COLLECTORS, DISPUTE_HANDLERS, LEGAL, CREDIT_MANAGERS, MANAGERS,
            SALES_OPERATIONS, ADMINS);

    private RecouvraGroups() {
    }
}

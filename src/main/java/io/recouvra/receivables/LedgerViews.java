package io.recouvra.receivables;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API answers: plain records, so the JSON never depends on JPA internals. */
final class LedgerViews {

    private LedgerViews() {
    }

    record CustomerView(UUID id, String legalName, String registrationNumber, String country, String language,
                        String timeZone, String addressLine, String postalCode, String city, String customerType,
                        List<ContactView> contacts, List<CustomerCredit> credit, CreditTermsView creditTerms,
                        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The date of the judgment that "
                                + "opened the customer's insolvency proceedings, as recorded in Recouvra (the earliest while they "
                                + "run); claims born before it are frozen by them. Absent when none were ever recorded")
                        LocalDate insolvencyReportedOn,
                        @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "The day the proceedings were closed "
                                + "leaving the customer back in bonis (a plan carried out, a liquidation whose debts were all "
                                + "paid); absent while they run, or when they never ended so (a liquidation closed for "
                                + "insufficient assets keeps the customer in)")
                        LocalDate insolvencyEndedOn) {

        static CustomerView of(Customer c, List<CustomerCredit> credit) {
            return new CustomerView(c.getId(), c.getLegalName(), c.getRegistrationNumber(), c.getCountry(),
                    c.getLanguage(), c.getTimeZone().getId(), c.getAddressLine(), c.getPostalCode(), c.getCity(),
                    c.getCustomerType(), c.getContacts().stream().map(ContactView::of).toList(), credit, CreditTermsView.of(c),
                    c.getInsolvencyReportedOn(), c.getInsolvencyEndedOn());
        }

        /** For lists: no contacts or credit, so a page costs one query. */
        static CustomerView summary(Customer c) {
            return new CustomerView(c.getId(), c.getLegalName(), c.getRegistrationNumber(), c.getCountry(),
                    c.getLanguage(), c.getTimeZone().getId(), c.getAddressLine(), c.getPostalCode(), c.getCity(),
                    c.getCustomerType(), null, null, CreditTermsView.of(c), c.getInsolvencyReportedOn(), c.getInsolvencyEndedOn());
        }
    }

    /** The terms the last credit review set; absent until one did. */
    record CreditTermsView(BigDecimal limit, Integer maxPaymentDays, String paymentTermsBasis, String guarantee,
                           Instant setAt) {

        static CreditTermsView of(Customer c) {
            return c.getCreditTermsSetAt() == null ? null : new CreditTermsView(c.getCreditLimit(), c.getMaxPaymentDays(),
                    c.getPaymentTermsBasis(), c.getGuarantee(), c.getCreditTermsSetAt());
        }
    }

    record ContactView(UUID id, String name, String role, String email, String phone,
                       boolean emailConsent, boolean smsConsent, boolean callConsent) {

        static ContactView of(Contact c) {
            return new ContactView(c.getId(), c.getName(), c.getRole(), c.getEmail(), c.getPhone(),
                    c.isEmailConsent(), c.isSmsConsent(), c.isCallConsent());
        }
    }

    record InvoiceView(UUID id, String number, InvoiceKind kind, UUID customerId, String customerName, LocalDate issueDate,
                       LocalDate dueDate, @Schema(description = "The amount due, including VAT") BigDecimal amount,
                       BigDecimal amountExclVat, BigDecimal vat,
                       @Schema(description = "The invoice gave no VAT: amountExclVat and vat were derived at the standard rate")
                       boolean vatDerived,
                       String currency, BigDecimal outstanding,
                       InvoiceStatus status, LocalDate overdueSince, boolean overCreditLimit, boolean termsBeyondPolicy,
                       BigDecimal contractualInterestRate,
                       @Schema(description = "Early-payment discount in percent of the amount including VAT; absent when none")
                       BigDecimal discountRate,
                       @Schema(description = "The last payment value date that earns the discount")
                       LocalDate discountUntil,
                       @Schema(description = "The day the goods were delivered or the service rendered, when given")
                       LocalDate deliveredOn) {

        static InvoiceView of(Invoice i) {
            EarlyPaymentDiscount discount = i.earlyPaymentDiscount().orElse(null);
            return new InvoiceView(i.getId(), i.getNumber(), i.getKind(), i.getCustomer().getId(), i.getCustomer().getLegalName(),
                    i.getIssueDate(), i.getDueDate(), i.getAmount(), i.getAmountExclVat(), i.getVat(), i.isVatDerived(),
                    i.getCurrency(), i.getOutstanding(), i.getStatus(),
                    i.getOverdueSince(), i.isOverCreditLimit(), i.isTermsBeyondPolicy(), i.getContractualInterestRate(),
                    discount == null ? null : discount.rate(), discount == null ? null : discount.until(), i.getDeliveredOn());
        }
    }

    record PaymentView(UUID id, UUID customerId, BigDecimal amount, String currency, LocalDate valueDate,
                       String bankReference, BigDecimal unallocatedAmount, List<AllocationView> allocations) {

        static PaymentView of(Payment p) {
            return new PaymentView(p.getId(), p.getCustomer().getId(), p.getAmount(), p.getCurrency(), p.getValueDate(),
                    p.getBankReference(), p.getUnallocatedAmount(),
                    p.getAllocations().stream().map(a -> new AllocationView(a.getInvoice().getNumber(), a.getAmount(),
                            a.getInvoice().getOutstanding(), a.getInvoice().getStatus())).toList());
        }
    }

    record AllocationView(String invoiceNumber, BigDecimal amount, BigDecimal invoiceOutstanding,
                          InvoiceStatus invoiceStatus) {
    }

    record CreditNoteView(UUID id, String number, String invoiceNumber,
                          @Schema(description = "Including VAT") BigDecimal amount,
                          @Schema(description = "The credit note's amount excluding VAT, in the invoice's own proportion")
                          BigDecimal amountExclVat,
                          @Schema(description = "The VAT it takes off: the invoice's VAT × amount / invoice amount, half up")
                          BigDecimal vat,
                          @Schema(description = "Booked by the ledger for a payment that earned the invoice's early-payment discount")
                          boolean earlyPaymentDiscount,
                          LocalDate issueDate, String reason, BigDecimal invoiceOutstanding, InvoiceStatus invoiceStatus) {

        static CreditNoteView of(CreditNote n) {
            return new CreditNoteView(n.getId(), n.getNumber(), n.getInvoice().getNumber(), n.getAmount(),
                    n.getAmountExclVat(), n.getVat(), n.isEarlyPaymentDiscount(),
                    n.getIssueDate(), n.getReason(), n.getInvoice().getOutstanding(), n.getInvoice().getStatus());
        }
    }
}

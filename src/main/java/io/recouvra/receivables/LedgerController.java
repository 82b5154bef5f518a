package io.recouvra.receivables;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.recouvra.receivables.LedgerViews.CreditNoteView;
import io.recouvra.receivables.LedgerViews.CustomerView;
import io.recouvra.receivables.LedgerViews.InvoiceView;
import io.recouvra.receivables.LedgerViews.PaymentView;
import io.recouvra.web.Locations;
import io.recouvra.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Ledger", description = "Customers, invoices, payments and credit notes")
class LedgerController {

    private final CustomerService customerService;
    private final InvoiceService invoiceService;
    private final PaymentService paymentService;
    private final CreditNoteService creditNoteService;
    private final List<RegistrationNotices> notices;
    private final InvoiceList invoiceList;
    private final CustomerList customerList;

    LedgerController(CustomerService customerService, InvoiceService invoiceService, PaymentService paymentService,
                     CreditNoteService creditNoteService, List<RegistrationNotices> notices, InvoiceList invoiceList,
                     CustomerList customerList) {
        this.notices = notices;
        this.customerList = customerList;
        this.invoiceList = invoiceList;
        this.customerService = customerService;
        this.invoiceService = invoiceService;
        this.paymentService = paymentService;
        this.creditNoteService = creditNoteService;
    }

    @PostMapping("/customers")
    @Operation(summary = "Register a customer (the debtor company) with its contacts")
    ResponseEntity<CustomerView> createCustomer(@Valid @RequestBody NewCustomer request) {
        Customer customer = customerService.register(request);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.getId()))
                .body(CustomerView.of(customer, customerService.creditOf(customer.getId())));
    }

    @GetMapping("/customers/{id}")
    @Operation(summary = "A customer with its contacts and its unallocated credit")
    CustomerView customer(@PathVariable UUID id) {
        return CustomerView.of(customerService.get(id), customerService.creditOf(id));
    }

    @GetMapping("/customers")
    @Operation(summary = "Customers by legal name (then id), paged",
            description = "Page with `after` (the `next` of the previous page) like the invoice list; `page` still "
                    + "works. `totalElements` counts at most 10,000 rows: `totalExact` false means more than 10,000.")
    PageView<CustomerView> customers(@Parameter(description = "Part of the legal name, in any case")
                                     @RequestParam(required = false) String name,
                                     @Parameter(description = "The `next` cursor of the previous page: this page starts "
                                             + "right after it, in the same filter. Opaque; a cursor this list did not "
                                             + "give is refused (400)")
                                     @RequestParam(required = false) String after,
                                     @Parameter(description = "Page number, from 0 (not with `after`)")
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return customerList.page(name, after, page, size);
    }

    @PostMapping("/invoices")
    @Operation(summary = "Register an invoice; its collection process starts at once. `notices` says what the law "
            + "changes in the terms sent (a contractual late-payment rate under the legal floor, for instance)")
    ResponseEntity<RegisteredInvoice> createInvoice(@Valid @RequestBody NewInvoice request) {
        Invoice invoice = invoiceService.register(request);
        return ResponseEntity.created(Locations.of("/api/v1/invoices/{number}", invoice.getNumber())).body(new RegisteredInvoice(
                InvoiceView.of(invoice), notices.stream().flatMap(n -> n.about(invoice).stream()).toList()));
    }

    /** The invoice as stored, and what its sender should know about it. */
    record RegisteredInvoice(@JsonUnwrapped InvoiceView invoice, List<RegistrationNotices.Notice> notices) {
    }

    @GetMapping("/invoices/{number}")
    @Operation(summary = "An invoice by its number")
    InvoiceView invoice(@PathVariable String number) {
        return InvoiceView.of(invoiceService.get(number));
    }

    @GetMapping("/invoices")
    @Operation(summary = "Invoices, filtered by status and customer, oldest due first (then by number)",
            description = "To walk a big ledger, page with `after`: pass the `next` of each page until a page comes "
                    + "without one (`hasNext` false). Each page then costs the same, however deep. `page` still works "
                    + "but skips rows: deep pages of a large ledger are slow. `totalElements` counts at most "
                    + "10,000 rows: `totalExact` false means more than 10,000.")
    PageView<InvoiceView> invoices(@RequestParam(required = false) InvoiceStatus status,
                                   @RequestParam(required = false) UUID customerId,
                                   @Parameter(description = "The `next` cursor of the previous page: this page starts "
                                           + "right after it, in the same filter. Opaque; a cursor this list did not "
                                           + "give is refused (400)")
                                   @RequestParam(required = false) String after,
                                   @Parameter(description = "Page number, from 0 (not with `after`); prefer `after` "
                                           + "beyond the first pages")
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return invoiceList.page(status, customerId, after, page, size);
    }

    @PostMapping("/payments")
    @Operation(summary = "Book a payment: allocated as instructed, or to the oldest open invoices; the rest is credit")
    ResponseEntity<PaymentView> createPayment(@Valid @RequestBody NewPayment request) {
        Payment payment = paymentService.register(request);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.getId())).body(PaymentView.of(payment));
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "A payment and where it went")
    PaymentView payment(@PathVariable UUID id) {
        return PaymentView.of(paymentService.get(id));
    }

    @PostMapping("/credit-notes")
    @Operation(summary = "Book a credit note against an invoice")
    ResponseEntity<CreditNoteView> createCreditNote(@Valid @RequestBody NewCreditNote request) {
        CreditNote creditNote = creditNoteService.register(request);
        return ResponseEntity.created(Locations.of("/api/v1/credit-notes/{number}", creditNote.getNumber()))
                .body(CreditNoteView.of(creditNote));
    }

    @GetMapping("/credit-notes/{number}")
    @Operation(summary = "A credit note by its number")
    CreditNoteView creditNote(@PathVariable String number) {
        return CreditNoteView.of(creditNoteService.get(number));
    }
}

package io.recouvra.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.imports.ImportReport.LineError;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

@RecouvraTest
class InvoiceCsvImportTest {

    private static final String HEADER = "invoice_number,customer_registration_number,customer_name,issue_date,due_date,amount,currency";

    @Autowired
    InvoiceCsvImport csvImport;
    @Autowired
    InvoiceService invoices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportCommand command;
    @Autowired
    Api api;
    @Autowired
    InvoiceImports imports;

    @Test
    void tenLinesOfWhichThreeAreBadStoreSevenAndReportThreeAndASecondImportAddsNothing() throws IOException {
        int invoicesBefore = count("recouvra.invoice");
        int customersBefore = count("recouvra.customer");

        ImportReport first = csvImport.importInvoices(resource("invoices-10-lines-3-bad.csv"));

        assertThat(first.lines()).isEqualTo(10);
        assertThat(first.stored()).isEqualTo(7);
        assertThat(first.alreadyPresent()).isZero();
        assertThat(first.rejected()).isEqualTo(3);
        assertThat(first.errors()).extracting(LineError::line, LineError::column).containsExactly(
                tuple(5L, "amount"),
                tuple(7L, "issue_date"),
                tuple(9L, "customer_registration_number"));
        assertThat(first.errors()).extracting(LineError::reason).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(first.errors().get(0).reason()).contains("'abc' is not an amount");
        assertThat(first.errors().get(1).reason()).contains("31/02/2026");
        assertThat(first.errors().get(2).reason()).contains("check digit");
        assertThat(count("recouvra.invoice") - invoicesBefore).isEqualTo(7);
        // six customers in the file; Société Inconnue was refused with its only invoice
        assertThat(count("recouvra.customer") - customersBefore).isEqualTo(5);

        assertThat(invoices.get("IMP-0001").getAmount()).isEqualByComparingTo("1234.56");
        assertThat(invoices.get("IMP-0001").getDueDate()).hasToString("2026-10-31");
        assertThat(invoices.get("IMP-0003").getAmount()).isEqualByComparingTo("12500.00");
        assertThat(invoices.get("IMP-0005").getCustomer().getRegistrationNumber()).isEqualTo("FR40303265045");
        assertThat(invoices.get("IMP-0009").getAmount()).isEqualByComparingTo("1234.00");
        assertThat(invoices.get("IMP-0003").getCustomer().getLegalName()).isEqualTo("Transports Lefèvre SARL");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("IMP-0007").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("IMP-0004").count()).isZero();

        ImportReport second = csvImport.importInvoices(resource("invoices-10-lines-3-bad.csv"));

        assertThat(second.stored()).isZero();
        assertThat(second.alreadyPresent()).isEqualTo(7);
        assertThat(second.rejected()).isEqualTo(3);
        assertThat(count("recouvra.invoice") - invoicesBefore).isEqualTo(7);
        assertThat(count("recouvra.customer") - customersBefore).isEqualTo(5);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("IMP-0007").count()).isEqualTo(1);
    }

    @Test
    void aKnownInvoiceNumberWithOtherDataIsReportedNotOverwritten() throws IOException {
        String siren = TestData.siren();
        String number = TestData.invoiceNumber();
        csvImport.importInvoices(csv(HEADER, number + "," + siren + ",Acme,2026-10-01,2026-10-31,100.00,EUR"));

        ImportReport changed = csvImport.importInvoices(csv(HEADER, number + "," + siren + ",Acme,2026-10-01,2026-10-31,150.00,EUR"));

        assertThat(changed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo("invoice_number");
            assertThat(error.reason()).contains("already exists with different data").contains("amount 100.00");
        });
        assertThat(invoices.get(number).getAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void aLineRefusedAfterItsNewCustomerWasStoredLeavesNoCustomerBehind() throws IOException {
        String siren = TestData.siren();

        ImportReport report = csvImport.importInvoices(csv(HEADER,
                TestData.invoiceNumber() + "," + siren + ",Half Written SA,2026-10-31,2026-10-01,10.00,EUR"));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("due_date");
            assertThat(error.reason()).contains("before the issue date");
        });
        assertThat(jdbc.queryForObject("select count(*) from recouvra.customer where registration_number = ?",
                Integer.class, siren)).isZero();
    }

    @Test
    void commaSeparatedFilesWithoutBomAndWithQuotedAmountsAreRead() throws IOException {
        String number = TestData.invoiceNumber();
        ImportReport report = csvImport.importInvoices(csv(HEADER + ",customer_country,customer_time_zone",
                number + "," + TestData.siren() + ",\"Dupont, Durand & Cie\",2026-10-01,2026-10-31,\"1 234,56\",eur,BE,Europe/Brussels"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.stored()).isEqualTo(1);
        assertThat(invoices.get(number).getAmount()).isEqualByComparingTo("1234.56");
        assertThat(invoices.get(number).getCustomer().getLegalName()).isEqualTo("Dupont, Durand & Cie");
        assertThat(invoices.get(number).getCustomer().getCountry()).isEqualTo("BE");
    }

    @Test
    void aContractualInterestRateIsReadWhenGivenAndCheckedLikeAnyValue() throws IOException {
        String agreed = TestData.invoiceNumber();
        String statutory = TestData.invoiceNumber();
        String wrong = TestData.invoiceNumber();
        ImportReport report = csvImport.importInvoices(csv(HEADER.replace(",", ";") + ";contractual_interest_rate",
                agreed + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;100,00;EUR;12,5",
                statutory + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;100,00;EUR;",
                wrong + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;100,00;EUR;250"));

        assertThat(report.stored()).isEqualTo(2);
        assertThat(invoices.get(agreed).getContractualInterestRate()).isEqualByComparingTo("12.5");
        assertThat(invoices.get(statutory).getContractualInterestRate()).isNull();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.column()).isEqualTo("contractual_interest_rate");
        });
    }

    @Test
    void theInvoicesOwnVatIsReadFromTheOptionalColumnsAndCheckedToAddUp() throws IOException {
        String standard = TestData.invoiceNumber();
        String intraEu = TestData.invoiceNumber();
        String emptyColumns = TestData.invoiceNumber();
        String notAddingUp = TestData.invoiceNumber();
        String halfGiven = TestData.invoiceNumber();
        String negative = TestData.invoiceNumber();
        ImportReport report = csvImport.importInvoices(csv(HEADER.replace(",", ";") + ";amount_excl_vat;vat",
                // 20 %: 1 000,00 + 200,00 = 1 200,00
                standard + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;1 200,00;EUR;1 000,00;200,00",
                // an intra-EU supply: all price, no VAT
                intraEu + ";DE" + TestData.siren() + ";Vogel GmbH;2026-10-01;2026-10-31;1 200,00;EUR;1 200,00;0",
                // both empty: the documented default, VAT derived at the standard rate: 600 x 20 / 120 = 100,00
                emptyColumns + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;600,00;EUR;;",
                // 1 000,00 + 100,00 = 1 100,00, not 1 200,00
                notAddingUp + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;1 200,00;EUR;1 000,00;100,00",
                halfGiven + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;1 200,00;EUR;1 000,00;",
                negative + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;1 200,00;EUR;1 300,00;-100,00"));

        assertThat(report.stored()).isEqualTo(3);
        assertThat(List.of(invoices.get(standard).getAmountExclVat(), invoices.get(standard).getVat()))
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("200.00"));
        assertThat(invoices.get(standard).isVatDerived()).isFalse();
        assertThat(List.of(invoices.get(intraEu).getAmountExclVat(), invoices.get(intraEu).getVat()))
                .containsExactly(new BigDecimal("1200.00"), new BigDecimal("0.00"));
        assertThat(List.of(invoices.get(emptyColumns).getAmountExclVat(), invoices.get(emptyColumns).getVat()))
                .containsExactly(new BigDecimal("500.00"), new BigDecimal("100.00"));
        assertThat(invoices.get(emptyColumns).isVatDerived()).isTrue();
        assertThat(report.errors()).extracting(LineError::line, LineError::column).containsExactly(
                tuple(5L, "vat"), tuple(6L, "vat"), tuple(7L, "vat"));
        assertThat(report.errors().get(0).reason()).isEqualTo("amountExclVat 1000.00 + vat 100.00 = 1100.00, not the amount including VAT 1200.00");
        assertThat(report.errors().get(1).reason()).startsWith("is required with amountExclVat");
        assertThat(report.errors().get(2).reason()).contains("'-100,00' is not an amount");
        for (String refused : List.of(notAddingUp, halfGiven, negative)) {
            assertThat(invoices.find(refused)).as(refused + " not stored").isEmpty();
        }

        // imported again: the same VAT is the same invoice; another VAT is reported, not overwritten
        ImportReport again = csvImport.importInvoices(csv(HEADER.replace(",", ";") + ";amount_excl_vat;vat",
                standard + ";" + invoices.get(standard).getCustomer().getRegistrationNumber() + ";Acme;2026-10-01;2026-10-31;1 200,00;EUR;1 000,00;200,00",
                intraEu + ";" + invoices.get(intraEu).getCustomer().getRegistrationNumber() + ";Vogel GmbH;2026-10-01;2026-10-31;1 200,00;EUR;1 000,00;200,00"));
        assertThat(again.alreadyPresent()).isEqualTo(1);
        assertThat(again.errors()).singleElement().satisfies(error -> assertThat(error.reason()).contains("VAT 0.00"));
    }

    @Test
    void theOptionalDiscountColumnsGiveAnInvoiceItsEarlyPaymentDiscountAndBadOnesAreReportedByColumn() throws IOException {
        String withDiscount = TestData.invoiceNumber();
        String withoutDiscount = TestData.invoiceNumber();
        String tooHigh = TestData.invoiceNumber();
        String afterDue = TestData.invoiceNumber();
        String rateAlone = TestData.invoiceNumber();
        String badDate = TestData.invoiceNumber();
        ImportReport report = csvImport.importInvoices(csv(HEADER.replace(",", ";") + ";discount_rate;discount_until",
                // 2 % until 15 March, French figures and date: 1 200,00 - 24,00 = 1 176,00 by then
                withDiscount + ";" + TestData.siren() + ";Acme;01/03/2026;31/03/2026;1 200,00;EUR;2,00;15/03/2026",
                withoutDiscount + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;;",
                tooHigh + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;20;2026-03-15",
                afterDue + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;2;2026-04-15",
                rateAlone + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;2;",
                badDate + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;2;mid-March"));

        assertThat(report.stored()).isEqualTo(2);
        Invoice invoice = invoices.get(withDiscount);
        assertThat(invoice.earlyPaymentDiscount()).hasValueSatisfying(discount -> {
            assertThat(discount.rate()).isEqualByComparingTo("2.00");
            assertThat(discount.until()).isEqualTo(LocalDate.of(2026, 3, 15));
        });
        assertThat(invoice.discountedAmountOn(LocalDate.of(2026, 3, 15))).contains(new BigDecimal("1176.00"));
        assertThat(invoices.get(withoutDiscount).earlyPaymentDiscount()).isEmpty();
        assertThat(report.errors()).extracting(LineError::line, LineError::column).containsExactly(
                tuple(4L, "discount_rate"), tuple(5L, "discount_until"), tuple(6L, "discount_until"), tuple(7L, "discount_until"));
        assertThat(report.errors().get(0).reason()).isEqualTo("must be above 0 and at most 10.00 (percent)");
        assertThat(report.errors().get(1).reason()).startsWith("is after the due date 2026-03-31");
        assertThat(report.errors().get(2).reason()).startsWith("is required with discountRate");
        assertThat(report.errors().get(3).reason()).contains("'mid-March' is not a date");
        for (String refused : List.of(tooHigh, afterDue, rateAlone, badDate)) {
            assertThat(invoices.find(refused)).isEmpty();
        }
    }

    /** The optional delivery date is the claim's birth (docs/insolvency.md): read when given, checked like any date. */
    @Test
    void theOptionalDeliveryDateIsReadAndABadOneIsReportedByColumn() throws IOException {
        String delivered = TestData.invoiceNumber();
        String notGiven = TestData.invoiceNumber();
        String badDate = TestData.invoiceNumber();
        ImportReport report = csvImport.importInvoices(csv(HEADER.replace(",", ";") + ";delivered_on",
                delivered + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;25/02/2026",
                notGiven + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;",
                badDate + ";" + TestData.siren() + ";Acme;2026-03-01;2026-03-31;1 200,00;EUR;late February"));

        assertThat(report.stored()).isEqualTo(2);
        assertThat(invoices.get(delivered).getDeliveredOn()).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(invoices.get(delivered).bornOn()).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(invoices.get(notGiven).getDeliveredOn()).isNull();
        assertThat(invoices.get(notGiven).bornOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(report.errors()).extracting(LineError::line, LineError::column).containsExactly(tuple(4L, "delivered_on"));
        assertThat(invoices.find(badDate)).isEmpty();
    }

    @Test
    void withoutTheVatColumnsEachInvoicesVatIsDerivedAtTheStandardRateAndSaidToBe() throws IOException {
        String number = TestData.invoiceNumber();

        ImportReport report = csvImport.importInvoices(csv(HEADER, number + "," + TestData.siren() + ",Acme,2026-10-01,2026-10-31,99.90,EUR"));

        assertThat(report.stored()).isEqualTo(1);
        // 99.90 x 20 / 120 = 16.65; 99.90 - 16.65 = 83.25
        assertThat(invoices.get(number).getVat()).isEqualByComparingTo("16.65");
        assertThat(invoices.get(number).getAmountExclVat()).isEqualByComparingTo("83.25");
        assertThat(invoices.get(number).isVatDerived()).isTrue();
    }

    @Test
    void aContractualRateUnderTheLegalFloorIsStoredAndTheReportSaysItIsRaised() throws IOException {
        // due 30 Sep 2025: interest runs from the second half of 2025, whose floor is 3 × 2.76 = 8.28 %;
        // the first half of 2026's is 3 × 2.62 = 7.86 % (both seeded). 5 % is under both, 8 % under the first only.
        String low = TestData.invoiceNumber();
        String between = TestData.invoiceNumber();
        ImportReport report = csvImport.importInvoices(csv(HEADER.replace(",", ";") + ";contractual_interest_rate",
                low + ";" + TestData.siren() + ";Acme;2025-09-01;2025-09-30;100,00;EUR;5",
                between + ";" + TestData.siren() + ";Acme;2025-09-01;2025-09-30;100,00;EUR;8"));

        assertThat(report.stored()).isEqualTo(2);
        assertThat(report.errors()).isEmpty();
        assertThat(invoices.get(low).getContractualInterestRate()).isEqualByComparingTo("5");
        assertThat(report.notices()).filteredOn(n -> n.line() == 2).extracting(ImportReport.LineNotice::notice)
                .anySatisfy(n -> assertThat(n).contains("contractual rate 5 %", "half-year starting 2025-07-01", "3 x 2.76 % = 8.28 %"))
                .anySatisfy(n -> assertThat(n).contains("half-year starting 2026-01-01", "7.86 %"));
        assertThat(report.notices()).filteredOn(n -> n.line() == 3).singleElement().satisfies(n -> {
            assertThat(n.column()).isEqualTo("contractual_interest_rate");
            assertThat(n.notice()).contains("contractual rate 8 %", "2025-07-01", "8.28 %");
        });
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrNotInUtf8IsRefusedWhole() {
        var missing = catchThrowableOfType(UnreadableFileException.class,
                () -> csvImport.importInvoices(csv("invoice_number;amount", "X-1;10,00")));
        assertThat(missing.getMessage()).contains("customer_registration_number");

        byte[] latin1 = (HEADER + "\nX-2,552100554,Soci\u00e9t\u00e9,2026-10-01,2026-10-31,10.00,EUR\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        var notUtf8 = catchThrowableOfType(UnreadableFileException.class,
                () -> csvImport.importInvoices(new ByteArrayInputStream(latin1)));
        assertThat(notUtf8.getMessage()).contains("UTF-8");
    }

    @Test
    void aFileThatBreaksOffOnLineThreeIsRefusedWholeAndLineTwoIsNotStored() {
        String good = TestData.invoiceNumber();
        String siren = TestData.siren();
        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setContentType(MediaType.parseMediaType("text/csv"));
        String file = HEADER + "\n" + good + "," + siren + ",Acme,2026-10-01,2026-10-31,99.90,EUR\n"
                + TestData.invoiceNumber() + "," + siren + ",\"Acme \"broken,2026-10-01,2026-10-31,10.00,EUR\n";

        ResponseEntity<JsonNode> refused = api.asAdmin().postForEntity("/api/v1/imports/invoices",
                new HttpEntity<>(file, csvHeaders), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).contains("after line 2", "nothing was imported");
        assertThat(invoices.find(good)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.customer where registration_number = ?", Integer.class,
                siren)).isZero();
    }

    @Test
    void aColumnNamedTwiceOrANulCharacterIsRefusedSayingWhatIsWrong() {
        String number = TestData.invoiceNumber();
        var twice = catchThrowableOfType(UnreadableFileException.class, () -> csvImport.importInvoices(
                csv(HEADER + ",Amount", number + ",552100554,Acme,2026-10-01,2026-10-31,10.00,EUR,20.00")));
        assertThat(twice.column()).isEqualTo("amount");
        assertThat(twice.getMessage()).contains("names column amount twice");

        var nul = catchThrowableOfType(UnreadableFileException.class, () -> csvImport.importInvoices(
                csv(HEADER, number + ",552100554,Acme,2026-10-01,2026-10-31,10.00,EUR", "X\u0000,552100554,Acme,2026-10-01,2026-10-31,1,EUR")));
        assertThat(nul.getMessage()).contains("NUL character", "line 3");
        assertThat(invoices.find(number)).isEmpty();
    }

    @Test
    void theApiTakesAnUploadedFileAndItsImportGivesTheReport() {
        String number = TestData.invoiceNumber();
        byte[] file = (HEADER + "\n" + number + "," + TestData.siren() + ",Acme,2026-10-01,2026-10-31,99.90,EUR\n"
                + "BAD,," + ",Acme,2026-10-01,2026-10-31,1,EUR\n").getBytes(StandardCharsets.UTF_8);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "invoices.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<JsonNode> response = api.asAdmin().postForEntity("/api/v1/imports/invoices",
                new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().get("fileName").asText()).isEqualTo("invoices.csv");
        while (imports.importNextChunk()) {
            // the workers' job, by hand
        }
        JsonNode done = api.asAdmin().getForObject(response.getHeaders().getLocation().getPath(), JsonNode.class);
        assertThat(done.get("stored").asInt()).isEqualTo(1);
        assertThat(done.get("rejected").asInt()).isEqualTo(1);
        JsonNode errors = api.asAdmin().getForObject(response.getHeaders().getLocation().getPath() + "/errors", JsonNode.class);
        assertThat(errors.get("content").get(0).get("line").asInt()).isEqualTo(3);

        HttpHeaders csvHeaders = new HttpHeaders();
        csvHeaders.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> unreadable = api.asAdmin().postForEntity("/api/v1/imports/invoices",
                new HttpEntity<>("amount;currency\n1;EUR\n", csvHeaders), JsonNode.class);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unreadable.getBody().get("errors").get(0).get("field").asText()).isEqualTo("invoice_number");
    }

    @Test
    void theCommandLineImportPrintsTheReportAndExitsWithItsCode(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("invoices.csv");
        Files.writeString(file, HEADER + "\n" + TestData.invoiceNumber() + "," + TestData.siren()
                + ",Acme,2026-10-01,2026-10-31,10.00,EUR\nX,1,Acme,never,2026-10-31,10.00,EUR\n");

        CommandRun run = runCommand(file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output())
                .contains("2 lines, 1 stored, 0 already present, 1 rejected")
                .contains("line 3, column issue_date: 'never' is not a date");
    }

    @Test
    void theCommandLineImportExitsWithOneWhenTheFileIsMissingOrUnreadable(@TempDir Path folder) throws IOException {
        assertThat(runCommand(folder.resolve("missing.csv")).exitCode()).isEqualTo(1);

        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "\nX,552100554,Soci\u00e9t\u00e9,2026-10-01,2026-10-31,1.00,EUR\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        CommandRun run = runCommand(latin1);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("is not UTF-8");

        Path clean = folder.resolve("clean.csv");
        Files.writeString(clean, HEADER + "\n" + TestData.invoiceNumber() + "," + TestData.siren()
                + ",Acme,2026-10-01,2026-10-31,10.00,EUR\n");
        assertThat(runCommand(clean).exitCode()).isZero();
    }

    private record CommandRun(int exitCode, String output) {
    }

    private CommandRun runCommand(Path file) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            command.run(new DefaultApplicationArguments(ImportCommand.NAME, file.toString()));
        } finally {
            System.setOut(stdout);
        }
        return new CommandRun(command.getExitCode(), output.toString(StandardCharsets.UTF_8));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private InputStream resource(String name) {
        return getClass().getResourceAsStream("/imports/" + name);
    }

    private static InputStream csv(String header, String... lines) {
        return new ByteArrayInputStream((header + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}

package io.recouvra.agency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A collection agency says the debtor of one of its cases is in insolvency proceedings (update DEBTOR_INSOLVENT):
 * published in the transaction that ends the case. The agency gives no judgment, court or representative, so it is
 * a report to check, not proceedings to record (insolvency's InsolvencyReport process).
 *
 * @param reportedOn the day of the agency's update
 * @param note       what the agency wrote, if anything
 */
public record AgencyReportedInsolvency(UUID customerId, String agencyName, String invoiceNumber, LocalDate reportedOn,
                                       String note) {
}

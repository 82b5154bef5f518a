package io.recouvra.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a credit bureau knows of a company. Financial figures are in the company's accounts' currency
 * and may be missing (small companies file abridged accounts).
 *
 * @param score  the bureau's own score, 0 (certain failure) to 100
 * @param rating the bureau's rating label as it publishes it (for the credit manager to read)
 */
public record BureauReport(String registrationNumber, String companyName, Integer score, String rating,
                           LocalDate ratingDate, boolean insolvencyProceedings, Financials financials) {

    public record Financials(LocalDate closingDate, BigDecimal equity, BigDecimal netDebt, BigDecimal totalAssets,
                             BigDecimal totalDebts, BigDecimal revenue, BigDecimal ebitda, BigDecimal currentAssets,
                             BigDecimal currentLiabilities) {
    }
}

package io.recouvra.scoring;

import java.util.UUID;

/**
 * The credit bureau's report on a customer says it is in insolvency proceedings: published each time a score reads
 * such a report (nightly too), for someone to check and record the proceedings' details; hearers ignore the repeats.
 */
public record BureauReportedInsolvency(UUID customerId, String bureauSummary) {
}

package io.recouvra.guarantee;

import io.recouvra.database.SingleNodeJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On one node: the guarantors' annual information (art. 2302 C. civ.), every morning from January to March so that a
 * day the application was down is caught up before 31 March, each guarantee written to once a year; and the notices of
 * a first payment default (art. 2303), every morning.
 */
@Component
@ConditionalOnProperty(name = "recouvra.guarantee.guarantor-information.scheduled", havingValue = "true", matchIfMissing = true)
class ScheduledGuarantorInformation {

    static final String ANNUAL_LOCK = "guarantor-annual-information";
    static final String FIRST_DEFAULT_LOCK = "guarantor-first-default";
    private static final Duration AT_MOST = Duration.ofHours(1);
    private static final Duration AT_LEAST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ScheduledGuarantorInformation.class);

    private final GuarantorInformation information;
    private final SingleNodeJobs jobs;

    ScheduledGuarantorInformation(GuarantorInformation information, SingleNodeJobs jobs) {
        this.information = information;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${recouvra.guarantee.guarantor-information.annual-cron}", zone = "${recouvra.zone}")
    void annual() {
        jobs.runAlone(ANNUAL_LOCK, AT_MOST, AT_LEAST,
                () -> log.info("Guarantors' annual information: {} letters queued", information.sendAnnualInformation().size()));
    }

    @Scheduled(cron = "${recouvra.guarantee.guarantor-information.first-default-cron}", zone = "${recouvra.zone}")
    void firstDefaults() {
        jobs.runAlone(FIRST_DEFAULT_LOCK, AT_MOST, AT_LEAST,
                () -> log.info("Guarantors told of a first default: {} letters queued", information.sendFirstDefaultNotices().size()));
    }
}

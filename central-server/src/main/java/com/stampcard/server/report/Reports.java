package com.stampcard.server.report;

/** Every report for one period, read in one transaction so they agree with each other. */
public record Reports(
    ReportPeriod period,
    RedemptionReport redemption,
    VisitReport visits,
    CohortReport cohorts,
    LiabilityReport liability,
    AnomalyReport anomalies) {}

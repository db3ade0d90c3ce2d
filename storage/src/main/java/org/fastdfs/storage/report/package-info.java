/**
 * The storage's side of PROTOCOL.md §4: one long-lived connection per configured tracker, driven by
 * a {@code @Scheduled} tick: GET_MY_IP and JOIN on (re)connect, the initial-sync negotiation, then
 * STORAGE_BEAT every heart-beat interval and REPORT_DISK_USAGE every stat-report interval. Any
 * error drops the connection; the next tick re-joins.
 */
package org.fastdfs.storage.report;

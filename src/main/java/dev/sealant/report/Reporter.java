package dev.sealant.report;

import dev.sealant.scan.ScanResult;

/** Renders a scan result as bytes of one format. Pure: no I/O, no clock. */
public interface Reporter {

  String render(ScanResult result, ReportOptions options);
}

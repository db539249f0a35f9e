package dev.sealant.scan;

import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Skipped;
import java.util.List;

/**
 * The outcome of one scan, sorted and ready for a reporter.
 *
 * @param findings what counts: unsuppressed findings
 * @param suppressed findings an inline annotation, ignore entry or baseline suppressed
 * @param skipped inputs passed over, with reasons
 * @param warnings coverage notes for the user (shallow history, expired ignore entries)
 */
public record ScanResult(
    List<Finding> findings,
    List<Finding> suppressed,
    List<Skipped> skipped,
    List<String> warnings,
    Stats stats) {

  public ScanResult {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }
}

package dev.sealant.allow;

import dev.sealant.kernel.Finding;
import dev.sealant.kernel.FindingFilter;
import dev.sealant.kernel.Suppression;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Suppresses findings whose fingerprint the baseline accepted. */
public final class BaselineFilter implements FindingFilter {

  private final Set<String> fingerprints;
  private final String file;

  public BaselineFilter(String file, Set<Baseline.Entry> entries) {
    this.file = file;
    this.fingerprints =
        entries.stream().map(Baseline.Entry::fingerprint).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Optional<Suppression> suppress(Finding f) {
    return fingerprints.contains(f.fingerprint())
        ? Optional.of(
            new Suppression(Suppression.Kind.BASELINE, Optional.of("in baseline " + file)))
        : Optional.empty();
  }
}

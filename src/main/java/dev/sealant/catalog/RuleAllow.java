package dev.sealant.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Values that look like secrets but are not: a candidate secret containing one of the stopwords
 * (case-insensitive) or matching one of the regexes is dropped.
 */
public record RuleAllow(List<String> stopwords, List<LazyPattern> regexes) {

  public static final RuleAllow NONE = new RuleAllow(List.of(), List.of());

  public RuleAllow {
    String[] lower = new String[stopwords.size()];
    for (int i = 0; i < lower.length; i++) {
      lower[i] = stopwords.get(i).toLowerCase(Locale.ROOT);
    }
    stopwords = List.of(lower);
    regexes = List.copyOf(regexes);
  }

  /** True when {@code secret} is an allowed (non-secret) value. */
  public boolean allows(String secret) {
    if (!stopwords.isEmpty()) {
      String lower = secret.toLowerCase(Locale.ROOT);
      for (String w : stopwords) {
        if (lower.contains(w)) {
          return true;
        }
      }
    }
    for (LazyPattern p : regexes) {
      if (p.matcher(secret).find()) {
        return true;
      }
    }
    return false;
  }

  /** Which entry allows {@code secret}, in words ({@code stopword 'changeme'}), if one does. */
  public Optional<String> reason(String secret) {
    String lower = secret.toLowerCase(Locale.ROOT);
    for (String w : stopwords) {
      if (lower.contains(w)) {
        return Optional.of("stopword '" + w + "' allows it");
      }
    }
    for (LazyPattern p : regexes) {
      if (p.matcher(secret).find()) {
        return Optional.of("regex '" + p.source() + "' allows it");
      }
    }
    return Optional.empty();
  }

  public RuleAllow plus(RuleAllow other) {
    if (other.stopwords.isEmpty() && other.regexes.isEmpty()) {
      return this;
    }
    return new RuleAllow(
        Stream.concat(stopwords.stream(), other.stopwords.stream()).toList(),
        Stream.concat(regexes.stream(), other.regexes.stream()).toList());
  }
}

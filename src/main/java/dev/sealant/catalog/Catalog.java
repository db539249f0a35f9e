package dev.sealant.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated set of rules plus the catalog-wide allowlist (paths that never hold secrets, values
 * that are never secrets). Immutable.
 */
public record Catalog(List<Rule> rules, GlobalAllow allow) {

  public Catalog {
    rules = List.copyOf(rules);
  }

  public static Catalog empty() {
    return new Catalog(List.of(), GlobalAllow.NONE);
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** This catalog without the rules named in {@code ids}. */
  public Catalog without(Set<String> ids) {
    if (ids.isEmpty()) {
      return this;
    }
    return new Catalog(rules.stream().filter(r -> !ids.contains(r.id())).toList(), allow);
  }

  /** This catalog with more rules and allowlist entries; ids must stay unique. */
  public Catalog plus(Catalog other) {
    if (other.rules.isEmpty() && other.allow.isEmpty()) {
      return this; // a configuration with no rules or allowlist of its own (the usual case)
    }
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(other.rules);
    CatalogLoader.checkUniqueIds(all);
    return new Catalog(all, allow.plus(other.allow));
  }
}

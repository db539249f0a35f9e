package dev.sealant.quality;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One kind of value the generator plants as a setting: a secret of some family, or a hard negative
 * (empty family) that looks like one and must not be reported.
 *
 * @param keys setting names (snake_case) the value is typically assigned to
 * @param envRef the value is an environment lookup, rendered in each language's own syntax
 */
record Kind(
    String family, String name, List<String> keys, Function<Random, String> value, boolean envRef) {

  Kind {
    keys = List.copyOf(keys);
  }

  static Kind secret(
      String family, String name, List<String> keys, Function<Random, String> value) {
    return new Kind(family, name, keys, value, false);
  }

  static Kind negative(String name, List<String> keys, Function<Random, String> value) {
    return new Kind("", name, keys, value, false);
  }

  boolean isSecret() {
    return !family.isEmpty();
  }
}

package dev.sealant.quality;

import java.util.Optional;

/**
 * One setting in a generated file.
 *
 * @param kind the planted kind; empty for filler settings
 */
record Entry(String key, String value, boolean envRef, Optional<Kind> kind) {

  static Entry filler(String key, String value) {
    return new Entry(key, value, false, Optional.empty());
  }
}

package dev.sealant.source;

import java.util.Optional;

/** An input the scan passed over and why: binary, too large, a symlink, a submodule. */
public record Skipped(String path, String reason, Optional<String> commit) {

  public static Skipped of(String path, String reason) {
    return new Skipped(path, reason, Optional.empty());
  }
}

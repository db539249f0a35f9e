package dev.sealant.validate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Offline structural validators, by the name a rule gives in {@code validate:}. Each is a pure
 * function of the candidate secret: it checks what the format itself carries (a checksum, a
 * parseable key, a decodable header) and never touches the network.
 */
public final class Validators {

  private static final Map<String, Predicate<String>> BY_NAME = new TreeMap<>();

  static {
    BY_NAME.put("github-checksum", Checksums::githubToken);
    BY_NAME.put("npm-checksum", Checksums::npmToken);
    BY_NAME.put("jwt", Jwt::valid);
    BY_NAME.put("private-key", PrivateKeys::parses);
    BY_NAME.put("aws-access-key-id", AwsKeys::validKeyId);
  }

  private Validators() {}

  public static Set<String> names() {
    return BY_NAME.keySet();
  }

  public static Optional<Predicate<String>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}

package dev.sealant.validate;

import java.util.Base64;

/**
 * A PEM, OpenSSH or PGP private key block whose body is well-formed base64 of a plausible size,
 * as opposed to a truncated block or a placeholder such as {@code ...} or {@code <key here>}.
 */
final class PrivateKeys {

  /** The smallest DER body of a real private key (an EC P-256 key) is over 100 bytes. */
  private static final int MIN_BODY_BYTES = 64;

  private PrivateKeys() {}

  private static boolean isBase64(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/' || c == '=';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean parses(String block) {
    StringBuilder body = new StringBuilder();
    boolean inBody = false;
    for (String raw : block.lines().toList()) {
      String line = raw.strip();
      if (line.startsWith("-----BEGIN")) {
        inBody = true;
      } else if (line.startsWith("-----END")) {
        break;
      } else if (inBody && !line.isEmpty() && !line.contains(":") && !line.startsWith("=")) {
        body.append(line);
      }
    }
    if (body.length() == 0) {
      return false;
    }
    try {
      return isBase64(body) && Base64.getMimeDecoder().decode(body.toString()).length >= MIN_BODY_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

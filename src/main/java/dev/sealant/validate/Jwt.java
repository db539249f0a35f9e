package dev.sealant.validate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JSON Web Token whose header and payload are base64url JSON objects, whose header names an
 * {@code alg} other than {@code none}, and which carries a non-empty signature.
 */
final class Jwt {

  private Jwt() {}

  static boolean valid(String token) {
    int dot1 = token.indexOf('.');
    int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0 || dot2 == token.length() - 1) {
      return false;
    }
    try {
      String header = decode(token.substring(0, dot1));
      String payload = decode(token.substring(dot1 + 1, dot2));
      if (!header.startsWith("{") || !payload.startsWith("{")) {
        return false;
      }
      String compact = withoutWhitespace(header);
      return compact.contains("\"alg\":") && !compact.contains("\"alg\":\"none\"");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String withoutWhitespace(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8).strip();
  }
}

package dev.sealant.validate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A PEM, OpenSSH or PGP private key block that actually parses as a private key, as opposed to a
 * truncated block or a placeholder such as {@code ...} or {@code <key here>}:
 *
 * <ul>
 *   <li>{@code PRIVATE KEY} (PKCS#8): {@link KeyFactory} accepts it for some algorithm;
 *   <li>{@code ENCRYPTED PRIVATE KEY}: DER {@code SEQUENCE { AlgorithmIdentifier, OCTET STRING }};
 *   <li>{@code RSA}/{@code EC}/{@code DSA PRIVATE KEY}: the PKCS#1, SEC1 or OpenSSL DSA DER shape,
 *       or, with {@code Proc-Type: 4,ENCRYPTED}, a ciphertext of whole cipher blocks;
 *   <li>{@code OPENSSH PRIVATE KEY}: the {@code openssh-key-v1\0} magic and a sane key count;
 *   <li>{@code PGP PRIVATE KEY BLOCK}: a secret-key packet first and a matching CRC-24.
 * </ul>
 *
 * One-line blocks with {@code \n} escapes (JSON, YAML, .env strings) are unescaped first.
 */
final class PrivateKeys {

  private static final byte[] OPENSSH_MAGIC =
      "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final List<String> PKCS8_ALGORITHMS =
      List.of("RSA", "EC", "DSA", "EdDSA", "XDH", "RSASSA-PSS", "DiffieHellman");

  /** Smallest plausible encrypted traditional key: a few cipher blocks. */
  private static final int MIN_CIPHERTEXT = 64;

  private PrivateKeys() {}

  /** A parsed armor block: its label, whether headers say it is encrypted, body and checksum. */
  // Never compared, hashed or shared: a short-lived holder for one parse, so arrays are fine.
  @SuppressWarnings("ArrayRecordComponent")
  record Armor(String label, boolean encrypted, byte[] body, byte[] checksum) {}

  static boolean parses(String block) {
    try {
      return armor(unescape(block)).map(PrivateKeys::valid).orElse(false);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
  }

  private static boolean valid(Armor a) {
    byte[] d = a.body();
    return switch (a.label()) {
      case "PRIVATE KEY" -> pkcs8(d);
      case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(d);
      case "RSA PRIVATE KEY" -> a.encrypted() ? ciphertext(d) : pkcs1(d);
      case "EC PRIVATE KEY" -> a.encrypted() ? ciphertext(d) : sec1(d);
      case "DSA PRIVATE KEY" -> a.encrypted() ? ciphertext(d) : dsa(d);
      case "OPENSSH PRIVATE KEY" -> openssh(d);
      case "PGP PRIVATE KEY BLOCK" -> PgpArmor.validSecretKey(d, a.checksum());
      default -> false;
    };
  }

  static boolean pkcs8(byte[] der) {
    Der.whole(der, Der.SEQUENCE);
    for (String alg : PKCS8_ALGORITHMS) {
      try {
        KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        return true;
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this algorithm; try the next
      }
    }
    return false;
  }

  static boolean encryptedPkcs8(byte[] der) {
    List<Der.Tlv> top = Der.children(der, Der.whole(der, Der.SEQUENCE));
    if (top.size() != 2
        || top.get(0).tag() != Der.SEQUENCE
        || top.get(1).tag() != Der.OCTET_STRING) {
      return false;
    }
    List<Der.Tlv> alg = Der.children(der, top.get(0));
    return !alg.isEmpty() && alg.get(0).tag() == Der.OID && top.get(1).length() >= 16;
  }

  /** RSAPrivateKey: version, n, e, d, p, q, dp, dq, qinv (and other primes when version is 1). */
  static boolean pkcs1(byte[] der) {
    List<Der.Tlv> f = Der.children(der, Der.whole(der, Der.SEQUENCE));
    if (f.size() < 9 || !Der.allIntegers(f.subList(0, 9))) {
      return false;
    }
    return Der.isSmallInteger(der, f.get(0), 0) || Der.isSmallInteger(der, f.get(0), 1);
  }

  /**
   * ECPrivateKey: version 1, privateKey OCTET STRING, then optional [0] parameters and [1] public
   * key.
   */
  static boolean sec1(byte[] der) {
    List<Der.Tlv> f = Der.children(der, Der.whole(der, Der.SEQUENCE));
    if (f.size() < 2 || f.size() > 4 || !Der.isSmallInteger(der, f.get(0), 1)) {
      return false;
    }
    Der.Tlv key = f.get(1);
    return key.tag() == Der.OCTET_STRING && key.length() >= 16 && key.length() <= 72;
  }

  /** OpenSSL's DSA private key: version 0, p, q, g, y, x. */
  static boolean dsa(byte[] der) {
    List<Der.Tlv> f = Der.children(der, Der.whole(der, Der.SEQUENCE));
    return f.size() == 6 && Der.allIntegers(f) && Der.isSmallInteger(der, f.get(0), 0);
  }

  static boolean ciphertext(byte[] d) {
    return d.length >= MIN_CIPHERTEXT && d.length % 8 == 0;
  }

  /** openssh-key-v1\0, then ciphername, kdfname, kdfoptions (SSH strings) and the key count. */
  static boolean openssh(byte[] d) {
    if (d.length < OPENSSH_MAGIC.length + 16
        || !Arrays.equals(d, 0, OPENSSH_MAGIC.length, OPENSSH_MAGIC, 0, OPENSSH_MAGIC.length)) {
      return false;
    }
    int at = OPENSSH_MAGIC.length;
    for (int i = 0; i < 3; i++) {
      at += 4 + uint32(d, at);
    }
    int keys = uint32(d, at);
    return keys >= 1 && keys <= 16 && d.length > at + 4 + 32;
  }

  private static int uint32(byte[] d, int at) {
    if (at < 0 || at + 4 > d.length) {
      throw new IllegalArgumentException("truncated SSH field");
    }
    int v =
        ((d[at] & 0xFF) << 24)
            | ((d[at + 1] & 0xFF) << 16)
            | ((d[at + 2] & 0xFF) << 8)
            | (d[at + 3] & 0xFF);
    if (v < 0 || v > d.length) {
      throw new IllegalArgumentException("SSH field length out of range");
    }
    return v;
  }

  /**
   * Turns {@code \r\n} and {@code \n} escapes into line breaks when the block is on one line, at
   * any depth of escaping ({@code \\n}: a key in a string inside a string, as in a notebook cell).
   */
  static String unescape(String block) {
    if (block.indexOf('\n') >= 0 || !block.contains("\\n")) {
      return block;
    }
    StringBuilder b = new StringBuilder(block.length());
    for (int i = 0; i < block.length(); i++) {
      char c = block.charAt(i);
      int j = i;
      while (j < block.length() && block.charAt(j) == '\\') {
        j++;
      }
      if (c == '\\' && j < block.length() && (block.charAt(j) == 'n' || block.charAt(j) == 'r')) {
        if (block.charAt(j) == 'n') {
          b.append('\n');
        }
        i = j;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The armor's label, headers and base64 body; empty when there is no BEGIN/END pair. */
  static Optional<Armor> armor(String block) {
    List<String> lines = block.lines().map(String::strip).toList();
    int begin = indexOfPrefix(lines, "-----BEGIN ", 0);
    if (begin < 0 || !lines.get(begin).endsWith("-----")) {
      return Optional.empty();
    }
    String label = lines.get(begin).substring(11, lines.get(begin).length() - 5);
    int end = indexOfPrefix(lines, "-----END " + label + "-----", begin + 1);
    if (end < 0) {
      return Optional.empty();
    }
    boolean encrypted = false;
    List<String> body = new ArrayList<>();
    String checksum = "";
    for (String line : lines.subList(begin + 1, end)) {
      if (line.indexOf(':') >= 0) {
        encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
      } else if (line.startsWith("=") && line.length() == 5) {
        checksum = line.substring(1);
      } else if (!line.isEmpty()) {
        body.add(line);
      }
    }
    if (body.isEmpty()) {
      return Optional.empty();
    }
    Base64.Decoder dec = Base64.getDecoder();
    return Optional.of(
        new Armor(
            label,
            encrypted,
            dec.decode(String.join("", body)),
            checksum.isEmpty() ? new byte[0] : dec.decode(checksum)));
  }

  private static int indexOfPrefix(List<String> lines, String prefix, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}

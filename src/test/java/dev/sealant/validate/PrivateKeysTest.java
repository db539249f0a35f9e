package dev.sealant.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.DSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Real throwaway keys generated on the fly, and broken or placeholder blocks. */
class PrivateKeysTest {

  static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  static byte[] pkcs8(String alg, int bits) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
    if (alg.equals("EC")) {
      g.initialize(new ECGenParameterSpec("secp256r1"));
    } else if (bits > 0) {
      g.initialize(bits);
    }
    return g.generateKeyPair().getPrivate().getEncoded();
  }

  /** The inner key of a PKCS#8 structure: PKCS#1 for RSA, SEC1 for EC. */
  static byte[] inner(byte[] pkcs8) {
    Der.Tlv octets = Der.children(pkcs8, Der.whole(pkcs8, Der.SEQUENCE)).get(2);
    return Arrays.copyOfRange(pkcs8, octets.start(), octets.end());
  }

  @Test
  void pkcs8KeysOfEveryCommonAlgorithmParse() throws GeneralSecurityException {
    assertTrue(PrivateKeys.parses(pem("PRIVATE KEY", pkcs8("RSA", 1024))));
    assertTrue(PrivateKeys.parses(pem("PRIVATE KEY", pkcs8("EC", 0))));
    assertTrue(PrivateKeys.parses(pem("PRIVATE KEY", pkcs8("Ed25519", 0))));
    assertTrue(PrivateKeys.parses(pem("PRIVATE KEY", pkcs8("DSA", 1024))));
  }

  @Test
  void traditionalRsaEcAndDsaKeysParse() throws GeneralSecurityException {
    assertTrue(PrivateKeys.parses(pem("RSA PRIVATE KEY", inner(pkcs8("RSA", 1024)))));
    assertTrue(PrivateKeys.parses(pem("EC PRIVATE KEY", inner(pkcs8("EC", 0)))));
    KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
    g.initialize(1024);
    DSAPrivateKey k = (DSAPrivateKey) g.generateKeyPair().getPrivate();
    BigInteger p = k.getParams().getP();
    BigInteger y = k.getParams().getG().modPow(k.getX(), p);
    byte[] dsa =
        seq(
            integer(BigInteger.ZERO),
            integer(p),
            integer(k.getParams().getQ()),
            integer(k.getParams().getG()),
            integer(y),
            integer(k.getX()));
    assertTrue(PrivateKeys.parses(pem("DSA PRIVATE KEY", dsa)));
  }

  @Test
  void encryptedKeysParseByStructure() {
    byte[] cipher = new byte[96];
    new Random(5).nextBytes(cipher);
    byte[] pbes2 = {
      0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d
    };
    byte[] der = seq(tlv(0x30, pbes2), tlv(0x04, cipher));
    assertTrue(PrivateKeys.parses(pem("ENCRYPTED PRIVATE KEY", der)));
    String legacy =
        pem("RSA PRIVATE KEY", cipher)
            .replace(
                "KEY-----\n",
                "KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n");
    assertTrue(PrivateKeys.parses(legacy));
    assertFalse(
        PrivateKeys.parses(pem("RSA PRIVATE KEY", cipher)),
        "ciphertext without Proc-Type is no PKCS#1");
  }

  @Test
  void escapedOneLineBlocksParse() throws GeneralSecurityException {
    String oneLine = pem("PRIVATE KEY", pkcs8("EC", 0)).strip().replace("\n", "\\n");
    assertTrue(PrivateKeys.parses(oneLine));
    assertTrue(PrivateKeys.parses(oneLine.replace("\\n", "\\r\\n")));
  }

  @Test
  void opensshBlocksNeedTheMagicAndAKeyCount() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    sshString(b, "none".getBytes(StandardCharsets.US_ASCII));
    sshString(b, "none".getBytes(StandardCharsets.US_ASCII));
    sshString(b, new byte[0]);
    b.writeBytes(new byte[] {0, 0, 0, 1});
    byte[] rest = new byte[160];
    new Random(9).nextBytes(rest);
    sshString(b, rest);
    byte[] key = b.toByteArray();
    assertTrue(PrivateKeys.parses(pem("OPENSSH PRIVATE KEY", key)));
    key[3] = 'X';
    assertFalse(PrivateKeys.parses(pem("OPENSSH PRIVATE KEY", key)));
  }

  @Test
  void pgpBlocksNeedASecretKeyPacketAndAMatchingCrc() {
    byte[] packet = new byte[120];
    new Random(13).nextBytes(packet);
    packet[0] = (byte) 0x94; // old format, tag 5 (secret key), one-byte length
    packet[1] = 118;
    assertTrue(PrivateKeys.parses(pgp(packet, PgpArmor.crc24(packet))));
    assertFalse(PrivateKeys.parses(pgp(packet, PgpArmor.crc24(packet) ^ 1)), "bad CRC");
    packet[0] = (byte) 0x98; // tag 6: a public key
    assertFalse(PrivateKeys.parses(pgp(packet, PgpArmor.crc24(packet))));
  }

  @Test
  void crc24MatchesTheOpenPgpCheckValue() {
    assertTrue(PgpArmor.crc24("123456789".getBytes(StandardCharsets.US_ASCII)) == 0x21CF02);
  }

  @Test
  void placeholdersTruncatedBlocksPublicKeysAndCertificatesDoNotParse()
      throws GeneralSecurityException {
    assertFalse(PrivateKeys.parses("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"));
    assertFalse(
        PrivateKeys.parses(
            "-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----"));
    String full = pem("PRIVATE KEY", pkcs8("RSA", 1024));
    List<String> lines = full.lines().toList();
    String truncated =
        String.join("\n", lines.get(0), lines.get(1), lines.get(2), lines.get(lines.size() - 1));
    assertFalse(PrivateKeys.parses(truncated));
    assertFalse(PrivateKeys.parses(full.replace("-----END PRIVATE KEY-----", "")), "no END line");
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    assertFalse(
        PrivateKeys.parses(pem("PUBLIC KEY", g.generateKeyPair().getPublic().getEncoded())));
    assertFalse(PrivateKeys.parses(pem("CERTIFICATE", inner(pkcs8("RSA", 1024)))));
  }

  private static String pgp(byte[] body, int crc) {
    byte[] c = {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
        + b64
        + "\n="
        + Base64.getEncoder().encodeToString(c)
        + "\n-----END PGP PRIVATE KEY BLOCK-----\n";
  }

  private static void sshString(ByteArrayOutputStream b, byte[] s) {
    b.writeBytes(
        new byte[] {
          (byte) (s.length >>> 24),
          (byte) (s.length >>> 16),
          (byte) (s.length >>> 8),
          (byte) s.length
        });
    b.writeBytes(s);
  }

  private static byte[] integer(BigInteger v) {
    return tlv(0x02, v.toByteArray());
  }

  private static byte[] seq(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return tlv(0x30, b.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(tag);
    int n = content.length;
    if (n < 0x80) {
      b.write(n);
    } else if (n < 0x100) {
      b.write(0x81);
      b.write(n);
    } else {
      b.write(0x82);
      b.write(n >> 8);
      b.write(n & 0xFF);
    }
    b.writeBytes(content);
    return b.toByteArray();
  }
}

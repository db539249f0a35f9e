package dev.sealant.quality;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Random;

/**
 * Throwaway key blocks made on the fly: real PKCS#8 keys, OpenSSH and PGP structures, public keys.
 */
final class KeyMaterial {

  private KeyMaterial() {}

  static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----";
  }

  private static KeyPairGenerator generator(Random r, boolean rsa) throws GeneralSecurityException {
    SecureRandom sr = SecureRandom.getInstance("SHA1PRNG");
    sr.setSeed(r.nextLong());
    KeyPairGenerator g = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
    if (rsa) {
      g.initialize(1024, sr);
    } else {
      g.initialize(new ECGenParameterSpec("secp256r1"), sr);
    }
    return g;
  }

  /** A PKCS#8 private key PEM block (EC or RSA). */
  static String privateKey(Random r) {
    try {
      boolean rsa = r.nextInt(4) == 0;
      return pem("PRIVATE KEY", generator(r, rsa).generateKeyPair().getPrivate().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String publicKey(Random r) {
    try {
      return pem("PUBLIC KEY", generator(r, false).generateKeyPair().getPublic().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A certificate-shaped block (random DER body): certificates are public and never reported. */
  static String certificate(Random r) {
    byte[] der = Values.bytes(r, 420);
    der[0] = 0x30;
    der[1] = (byte) 0x82;
    return pem("CERTIFICATE", der);
  }

  /** An openssh-key-v1 structure with random key material (unencrypted, one key). */
  static String openssh(Random r) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    string(b, "none".getBytes(StandardCharsets.US_ASCII));
    string(b, "none".getBytes(StandardCharsets.US_ASCII));
    string(b, new byte[0]);
    b.writeBytes(new byte[] {0, 0, 0, 1});
    string(b, Values.bytes(r, 51));
    string(b, Values.bytes(r, 136));
    byte[] der = b.toByteArray();
    String body =
        Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----";
  }

  /** A PGP private key block: a secret-key packet (tag 5) and its armor CRC-24. */
  static String pgp(Random r) {
    byte[] packet = Values.bytes(r, 180);
    packet[0] = (byte) 0x95;
    packet[1] = 0;
    packet[2] = (byte) 177;
    int crc = crc24(packet);
    byte[] c = {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(packet);
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
        + body
        + "\n="
        + Base64.getEncoder().encodeToString(c)
        + "\n-----END PGP PRIVATE KEY BLOCK-----";
  }

  static String sshPublicKey(Random r) {
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"
        + Values.of(r, Values.B64, 43)
        + " deploy@build-"
        + r.nextInt(50);
  }

  private static int crc24(byte[] data) {
    int crc = 0xB704CE;
    for (byte x : data) {
      crc ^= (x & 0xFF) << 16;
      for (int i = 0; i < 8; i++) {
        crc <<= 1;
        if ((crc & 0x1000000) != 0) {
          crc ^= 0x1864CFB;
        }
      }
    }
    return crc & 0xFFFFFF;
  }

  private static void string(ByteArrayOutputStream b, byte[] s) {
    b.writeBytes(
        new byte[] {
          (byte) (s.length >>> 24),
          (byte) (s.length >>> 16),
          (byte) (s.length >>> 8),
          (byte) s.length
        });
    b.writeBytes(s);
  }
}

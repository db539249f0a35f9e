package dev.sealant.validate;

/**
 * OpenPGP ASCII armor checks (RFC 4880): the {@code =XXXX} line is the base64 of a CRC-24 of the
 * decoded data, and a private key block starts with a secret-key packet (tag 5).
 */
final class PgpArmor {

  private static final int CRC24_INIT = 0xB704CE;
  private static final int CRC24_POLY = 0x1864CFB;
  private static final int SECRET_KEY_TAG = 5;

  private PgpArmor() {}

  static int crc24(byte[] data) {
    int crc = CRC24_INIT;
    for (byte b : data) {
      crc ^= (b & 0xFF) << 16;
      for (int i = 0; i < 8; i++) {
        crc <<= 1;
        if ((crc & 0x1000000) != 0) {
          crc ^= CRC24_POLY;
        }
      }
    }
    return crc & 0xFFFFFF;
  }

  /**
   * The packet tag of the first packet, old or new format; -1 when the first byte is no packet
   * header.
   */
  static int firstPacketTag(byte[] data) {
    if (data.length == 0 || (data[0] & 0x80) == 0) {
      return -1;
    }
    int b = data[0] & 0xFF;
    return (b & 0x40) != 0 ? b & 0x3F : (b >> 2) & 0x0F;
  }

  /**
   * @param body the decoded armor body
   * @param checksum the decoded {@code =XXXX} line (3 bytes), or empty when the armor has none
   */
  static boolean validSecretKey(byte[] body, byte[] checksum) {
    if (firstPacketTag(body) != SECRET_KEY_TAG || body.length < 32) {
      return false;
    }
    if (checksum.length == 0) {
      return true;
    }
    if (checksum.length != 3) {
      return false;
    }
    int expected =
        ((checksum[0] & 0xFF) << 16) | ((checksum[1] & 0xFF) << 8) | (checksum[2] & 0xFF);
    return crc24(body) == expected;
  }
}

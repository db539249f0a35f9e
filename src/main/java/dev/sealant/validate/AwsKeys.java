package dev.sealant.validate;

/** AWS access key ids: a documented four-letter prefix, then 16 characters of base32 (A-Z, 2-7). */
final class AwsKeys {

  private AwsKeys() {}

  static boolean validKeyId(String id) {
    if (id.length() != 20) {
      return false;
    }
    String prefix = id.substring(0, 4);
    if (!(prefix.equals("AKIA")
        || prefix.equals("ASIA")
        || prefix.equals("ABIA")
        || prefix.equals("ACCA")
        || prefix.equals("AGPA")
        || prefix.equals("AIDA")
        || prefix.equals("AROA")
        || prefix.equals("ANPA")
        || prefix.equals("ANVA")
        || prefix.equals("AIPA")
        || prefix.equals("APKA")
        || prefix.equals("ASCA"))) {
      return false;
    }
    for (int i = 4; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
        return false;
      }
    }
    return true;
  }
}

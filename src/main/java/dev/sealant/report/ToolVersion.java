package dev.sealant.report;

/**
 * The running Sealant's version, from the jar manifest ({@code 0.0.0-dev} when run from classes).
 */
final class ToolVersion {

  private ToolVersion() {}

  static String current() {
    String v = ToolVersion.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "0.0.0-dev" : v;
  }
}

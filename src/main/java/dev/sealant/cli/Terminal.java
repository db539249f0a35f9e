package dev.sealant.cli;

import java.io.Console;

/** Whether this process talks to a terminal, for colour and the progress line. */
final class Terminal {

  private Terminal() {}

  /**
   * Before JDK 22 a terminal is exactly when {@code System.console()} is not null; from JDK 22 on
   * it also returns a console for redirected streams, and {@code Console.isTerminal()} (looked up
   * by reflection: Sealant compiles for Java 17) tells. So colour and progress lines never end up
   * in a pipe or a CI log on a newer JDK.
   */
  @SuppressWarnings("SystemConsoleNull") // the JDK 22+ behaviour is what isTerminal() handles
  static boolean attached() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(c));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}

package dev.sealant.allow;

import dev.sealant.catalog.Glob;
import dev.sealant.detect.Fingerprints;
import dev.sealant.error.ConfigException;
import dev.sealant.error.Shown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .sealantignore}: findings a team decided are not secrets (or are already rotated), by
 * content fingerprint, so an entry survives line moves and renames and stops matching when the
 * secret changes. One entry per line:
 *
 * <pre>
 * FINGERPRINT [PATH-GLOB] -- REASON [# expires YYYY-MM-DD]
 * </pre>
 *
 * The reason is required. A path glob (quoted when it holds spaces) limits the entry to matching
 * paths. From its expiry date on, an entry stops suppressing and is reported.
 */
public final class IgnoreFile {

  public static final String FILE_NAME = ".sealantignore";

  /** One parsed entry. */
  public record Entry(
      String fingerprint,
      Optional<Glob> path,
      String reason,
      Optional<LocalDate> expires,
      String file,
      int line) {

    public boolean expiredOn(LocalDate today) {
      return expires.isPresent() && !today.isBefore(expires.get());
    }

    public String where() {
      return file + ":" + line;
    }
  }

  private IgnoreFile() {}

  public static List<Entry> parse(String file, String text) {
    List<Entry> out = new ArrayList<>();
    int lineNo = 0;
    // A byte-order mark (an editor's UTF-8 or a UTF-16 one decoded) is not part of the first entry.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String raw : body.lines().toList()) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      out.add(entry(file, lineNo, line));
    }
    return List.copyOf(out);
  }

  private static Entry entry(String file, int lineNo, String line) {
    String where = file + ":" + lineNo + ": ";
    int sp = indexOfBlank(line);
    String fp = sp < 0 ? line : line.substring(0, sp);
    if (!Fingerprints.isFingerprint(fp)) {
      // Never echoed: what is pasted here instead of a fingerprint is often the secret itself.
      throw new ConfigException(
          where
              + "the entry does not start with a Sealant fingerprint (32 hex digits, as"
              + " reports print it); if a secret was pasted here, remove it");
    }
    String rest = sp < 0 ? "" : line.substring(sp).strip();
    int dd = rest.startsWith("--") ? 0 : rest.indexOf(" --");
    if (dd < 0) {
      throw new ConfigException(where + "an entry needs a reason: FINGERPRINT [PATH] -- REASON");
    }
    String pathPart = rest.substring(0, dd).strip();
    String reasonPart = rest.substring(dd + (rest.startsWith("--") ? 2 : 3)).strip();
    Optional<LocalDate> expires = Optional.empty();
    int ex = reasonPart.indexOf("# expires");
    if (ex >= 0) {
      String date = reasonPart.substring(ex + "# expires".length()).strip();
      try {
        expires = Optional.of(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new ConfigException(
            where + "expiry " + Shown.value(date) + " is not a date (YYYY-MM-DD)");
      }
      reasonPart = reasonPart.substring(0, ex).strip();
    }
    if (reasonPart.isEmpty()) {
      throw new ConfigException(where + "an entry needs a reason after '--'");
    }
    Optional<Glob> path = Optional.empty();
    if (!pathPart.isEmpty()) {
      if (pathPart.length() >= 2 && pathPart.startsWith("\"") && pathPart.endsWith("\"")) {
        pathPart = pathPart.substring(1, pathPart.length() - 1);
      }
      path = Optional.of(Glob.of(pathPart));
    }
    return new Entry(fp, path, reasonPart, expires, file, lineNo);
  }

  private static int indexOfBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static final String HEADER =
      "# Sealant ignore file: FINGERPRINT [PATH-GLOB] -- REASON [# expires YYYY-MM-DD]\n";

  /** Appends entry lines, creating the file with a header comment when it does not exist. */
  public static void append(Path file, List<String> lines) throws IOException {
    String prefix = "";
    if (!Files.exists(file)) {
      prefix = HEADER;
    } else {
      byte[] existing = Files.readAllBytes(file);
      if (existing.length > 0 && existing[existing.length - 1] != '\n') {
        prefix = "\n";
      }
    }
    Files.writeString(
        file,
        prefix + String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The line {@code sealant ignore} appends for an entry. */
  public static String format(
      String fingerprint, Optional<String> pathGlob, String reason, Optional<LocalDate> expires) {
    if (!Fingerprints.isFingerprint(fingerprint)) {
      throw new ConfigException(
          "the argument is not a Sealant fingerprint (32 hex digits, as printed in"
              + " reports); it is not shown, in case it is the secret itself");
    }
    String r = reason.strip();
    if (r.isEmpty() || r.indexOf('\n') >= 0 || r.indexOf('\r') >= 0 || r.contains("# expires")) {
      throw new ConfigException("--reason must be one non-empty line");
    }
    StringBuilder b = new StringBuilder(fingerprint);
    pathGlob.ifPresent(p -> b.append(' ').append(p.indexOf(' ') >= 0 ? "\"" + p + "\"" : p));
    b.append(" -- ").append(r);
    expires.ifPresent(d -> b.append(" # expires ").append(d));
    return b.toString();
  }
}

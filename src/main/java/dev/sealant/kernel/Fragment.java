package dev.sealant.kernel;

import java.util.Optional;

/**
 * A piece of text to scan: the added lines of a diff hunk, a file, or a chunk of a large file.
 *
 * @param path {@code /}-separated, relative to the scanned root (or the repository)
 * @param commit the commit that added the text, when it comes from git history
 * @param firstLine the 1-based line number of the text's first line in the file
 * @param text the content; lines end in {@code \n}, {@code \r\n} or a lone {@code \r}
 * @param binary the text runs of binary content ({@link #textRuns}): only high-confidence rules
 *     read it, so a token hidden in (or behind) binary bytes is found without generic rules reading
 *     noise
 */
public record Fragment(
    String path, Optional<CommitInfo> commit, int firstLine, String text, boolean binary) {

  public Fragment(String path, Optional<CommitInfo> commit, int firstLine, String text) {
    this(path, commit, firstLine, text, false);
  }

  /** Binary content as its printable ASCII runs, scanned by the high-confidence rules only. */
  public static Fragment binary(
      String path, Optional<CommitInfo> commit, byte[] bytes, int length) {
    return new Fragment(path, commit, 1, textRuns(bytes, length), true);
  }

  /**
   * Binary bytes as text: printable ASCII, tab and line ends kept, every other byte a space, so a
   * token stored in a binary (a constant in a class file, text appended to an image) stays whole
   * and line numbers count the file's own line feeds. Linear, one character per byte.
   */
  public static String textRuns(byte[] bytes, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      int c = bytes[i] & 0xff;
      out[i] = (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r' ? (char) c : ' ';
    }
    return new String(out);
  }

  /**
   * The path of a commit's own text (author, committer, message), which is pushed and published
   * like its files. No file has it: a git tree entry and a scanned file's relative path never start
   * with {@code /}. Only high-confidence rules read it (prose is not configuration).
   */
  public static final String COMMIT_MESSAGE = "/commit-message";

  public static Fragment of(String path, String text) {
    return new Fragment(path, Optional.empty(), 1, text);
  }
}

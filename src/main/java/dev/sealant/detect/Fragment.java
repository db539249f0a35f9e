package dev.sealant.detect;

import java.util.Optional;

/**
 * A piece of text to scan: the added lines of a diff hunk, a file, or a chunk of a large file.
 *
 * @param path {@code /}-separated, relative to the scanned root (or the repository)
 * @param commit the commit that added the text, when it comes from git history
 * @param firstLine the 1-based line number of the text's first line in the file
 * @param text the content; lines end in {@code \n}, {@code \r\n} or a lone {@code \r}
 */
public record Fragment(String path, Optional<CommitInfo> commit, int firstLine, String text) {

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

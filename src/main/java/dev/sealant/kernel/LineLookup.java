package dev.sealant.kernel;

import java.util.Optional;

/**
 * Reads one line of a file, at a commit when given, else from the working tree (the suppression
 * importers check that a line still holds the finding an entry meant).
 */
public interface LineLookup {
  Optional<String> line(Optional<String> commit, String path, int line);
}

package dev.sealant.source;

import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Sink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Scans a text too large to hold whole (a file over {@link Limits#inMemory()}) as a series of
 * fragments, each ending at a line end and overlapping the one before by its last lines, so that a
 * multi-line secret (a key block) shorter than the overlap is always whole in some fragment. A
 * finding in the overlap is found twice, at the same line and column, and the scanner keeps one.
 *
 * <p>The text is decoded as {@link Content#decode} would decode it whole: a byte-order mark picks
 * UTF-8 or UTF-16, malformed input is replaced. Memory stays at a few chunks, whatever the size.
 */
public final class Chunks {

  /** Characters per fragment, overlap excluded. */
  static final int CHUNK = 4 << 20;

  /** The overlap: at most this many lines... */
  static final int OVERLAP_LINES = 200;

  /** ...and at most this many characters. */
  static final int OVERLAP_CHARS = 64 << 10;

  private final String path;
  private final Optional<CommitInfo> commit;
  private final int chunk;
  private final int overlapLines;
  private final int overlapChars;
  private final Sink sink;

  /** Fragments of {@link #CHUNK} characters with the standard overlap. */
  Chunks(String path, Sink sink) {
    this(path, CHUNK, OVERLAP_LINES, OVERLAP_CHARS, sink);
  }

  /**
   * Fragments of a git blob too large to hold whole, each attributed to {@code commit} (empty for a
   * staged one): a scan of every line, since comparing it with its other versions needs it whole.
   */
  public static Chunks ofBlob(String path, Optional<CommitInfo> commit, Sink sink) {
    return new Chunks(path, commit, CHUNK, OVERLAP_LINES, OVERLAP_CHARS, sink);
  }

  Chunks(String path, int chunk, int overlapLines, int overlapChars, Sink sink) {
    this(path, Optional.empty(), chunk, overlapLines, overlapChars, sink);
  }

  private Chunks(
      String path,
      Optional<CommitInfo> commit,
      int chunk,
      int overlapLines,
      int overlapChars,
      Sink sink) {
    this.path = path;
    this.commit = commit;
    this.chunk = chunk;
    this.overlapLines = overlapLines;
    this.overlapChars = overlapChars;
    this.sink = sink;
  }

  /** Decodes and scans the stream; {@code probe} holds its first bytes (already read from it). */
  public void scan(byte[] probe, int probeLength, InputStream rest) throws IOException {
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (probeLength >= 2 && (probe[0] & 0xff) == 0xFF && (probe[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (probeLength >= 2 && (probe[0] & 0xff) == 0xFE && (probe[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (probeLength >= 3
        && (probe[0] & 0xff) == 0xEF
        && (probe[1] & 0xff) == 0xBB
        && (probe[2] & 0xff) == 0xBF) {
      skip = 3;
    }
    InputStream all =
        new SequenceInputStream(new ByteArrayInputStream(probe, skip, probeLength - skip), rest);
    try (Reader r =
        new InputStreamReader(
            all,
            cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
      scan(r);
    }
  }

  private void scan(Reader r) throws IOException {
    char[] buf = new char[chunk + overlapChars];
    int len = 0;
    int line = 1;
    boolean eof = false;
    while (!eof) {
      int n = r.read(buf, len, buf.length - len);
      if (n < 0) {
        eof = true;
      } else {
        len += n;
        if (len < buf.length) {
          continue;
        }
      }
      int cut = eof ? len : cut(buf, len);
      if (cut < len / 2) {
        // A line longer than half a chunk: split it rather than carry most of the buffer over.
        cut = len;
      }
      if (cut > 0) {
        sink.accept(new Fragment(path, commit, line, new String(buf, 0, cut)));
      }
      int keep = eof ? cut : overlapStart(buf, cut, overlapLines, overlapChars);
      if (keep == 0) {
        keep = cut; // never carry the whole buffer over: that would not advance
      }
      line += lines(buf, 0, keep);
      System.arraycopy(buf, keep, buf, 0, len - keep);
      len -= keep;
    }
  }

  /**
   * Where a fragment of {@code buf[0, len)} ends: after its last line end, or at {@code len} if
   * none.
   */
  private static int cut(char[] buf, int len) {
    // A \r as the last character may be the first half of a \r\n: do not end there.
    for (int i = len - 2; i >= 0; i--) {
      if (buf[i] == '\n' || (buf[i] == '\r' && buf[i + 1] != '\n')) {
        return i + 1;
      }
    }
    return len;
  }

  /**
   * Where the next fragment starts: the last lines before {@code cut}, within the overlap bounds.
   */
  private static int overlapStart(char[] buf, int cut, int maxLines, int maxChars) {
    int start = cut;
    int lines = 0;
    int floor = Math.max(0, cut - maxChars);
    for (int i = cut - 2; i >= floor && lines < maxLines; i--) {
      if (buf[i] == '\n' || (buf[i] == '\r' && buf[i + 1] != '\n')) {
        start = i + 1;
        lines++;
      }
    }
    return start;
  }

  /** How many lines end in {@code buf[from, to)} (\n, \r\n and a lone \r each end one). */
  static int lines(char[] buf, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= to || buf[i + 1] != '\n'))) {
        n++;
      }
    }
    return n;
  }
}

package dev.sealant.source;

import dev.sealant.error.ScanIoException;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Standard input as one file named {@code stdin}. */
public final class StdinSource implements Source {

  public static final String PATH = "stdin";

  private final InputStream in;
  private final Limits limits;
  private final String name;

  public StdinSource(InputStream in, Limits limits) {
    this(in, limits, PATH);
  }

  /** A stream reported under {@code name}: a pipe or device named on the command line. */
  StdinSource(InputStream in, Limits limits, String name) {
    this.in = in;
    this.limits = limits;
    this.name = name;
  }

  @Override
  public void run(Sink sink) {
    byte[] bytes;
    try {
      long bound = Math.min(limits.maxFileSize(), limits.inMemory());
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bound + 1));
    } catch (IOException e) {
      throw new ScanIoException(
          "cannot read " + (name.equals(PATH) ? "standard input" : name) + ": " + e.getMessage(),
          e);
    }
    if (bytes.length > limits.maxFileSize()) {
      sink.skipped(
          Skipped.tooLarge(
              name, "--max-file-size (" + limits.maxFileSize() + " bytes)", Optional.empty()));
      return;
    }
    if (bytes.length > limits.inMemory()) {
      // Read whole it might not fit in the heap; a file of the same size is scanned in chunks.
      sink.skipped(
          Skipped.tooLarge(
              name,
              "standard input is read into memory ("
                  + limits.inMemory()
                  + " bytes with this heap): save it to a file and scan the file",
              Optional.empty()));
      return;
    }
    if (Content.isBinary(bytes)) {
      sink.skipped(Skipped.of(name, "binary"));
      sink.accept(Fragment.binary(name, Optional.empty(), bytes, bytes.length));
      return;
    }
    sink.accept(Fragment.of(name, Content.decode(bytes)));
    sink.progress(1, 1);
  }

  @Override
  public String describe() {
    return "standard input";
  }
}

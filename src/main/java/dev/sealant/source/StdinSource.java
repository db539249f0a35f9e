package dev.sealant.source;

import dev.sealant.detect.Fragment;
import dev.sealant.error.ScanIoException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Standard input as one file named {@code stdin}. */
public final class StdinSource implements Source {

  public static final String PATH = "stdin";

  private final InputStream in;
  private final Limits limits;

  public StdinSource(InputStream in, Limits limits) {
    this.in = in;
    this.limits = limits;
  }

  @Override
  public void run(Sink sink) {
    byte[] bytes;
    try {
      long bound = Math.min(limits.maxFileSize(), limits.inMemory());
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bound + 1));
    } catch (IOException e) {
      throw new ScanIoException("cannot read standard input: " + e.getMessage(), e);
    }
    if (bytes.length > limits.maxFileSize()) {
      sink.skipped(Skipped.tooLarge(PATH, "--max-file-size (" + limits.maxFileSize() + " bytes)", Optional.empty()));
      return;
    }
    if (bytes.length > limits.inMemory()) {
      // Read whole it might not fit in the heap; a file of the same size is scanned in chunks.
      sink.skipped(Skipped.tooLarge(PATH, "standard input is read into memory (" + limits.inMemory()
          + " bytes with this heap): save it to a file and scan the file", Optional.empty()));
      return;
    }
    if (Content.isBinary(bytes)) {
      sink.skipped(Skipped.of(PATH, "binary"));
      return;
    }
    sink.accept(Fragment.of(PATH, Content.decode(bytes)));
    sink.progress(1, 1);
  }

  @Override
  public String describe() {
    return "standard input";
  }
}

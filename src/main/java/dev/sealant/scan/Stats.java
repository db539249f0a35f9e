package dev.sealant.scan;

import java.time.Duration;

/** What a scan covered: files (distinct paths), commits, bytes of text, and how long it took. */
public record Stats(long files, long commits, long bytes, Duration elapsed) {}

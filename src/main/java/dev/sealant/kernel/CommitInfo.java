package dev.sealant.kernel;

import java.time.Instant;

/** The commit a fragment was added in: full id, author name and e-mail, author date. */
public record CommitInfo(String id, String author, String email, Instant date) {}

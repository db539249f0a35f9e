/**
 * Git's on-disk formats read directly, without JGit: the index, refs, loose objects and packs. The
 * pre-commit hook's whole budget is a few hundred milliseconds, and setting up JGit (its resource
 * bundles, security providers, file-store probes and caches) costs more than the scan itself. These
 * readers cover the common repository layout; anything they do not fully understand (a split or
 * sparse index, SHA-256 or reftable repositories, a quarantine, a missing or malformed object)
 * throws {@link dev.sealant.git.raw.StepAside}, and the caller falls back to the JGit path, which
 * owns every error message. Nothing here ever writes.
 */
package dev.sealant.git.raw;

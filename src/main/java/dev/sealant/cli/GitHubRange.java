package dev.sealant.cli;

import dev.sealant.cli.CiEnvironment.Range;
import dev.sealant.error.UsageException;
import java.util.Map;
import java.util.Optional;

/**
 * The scan range on GitHub Actions, from {@code GITHUB_EVENT_NAME} and the event payload.
 *
 * <ul>
 *   <li>{@code pull_request}, {@code pull_request_target}: {@code pull_request.base.sha} to {@code
 *       pull_request.head.sha} (the pull request's own commits); without a payload, {@code
 *       origin/$GITHUB_BASE_REF} to {@code GITHUB_SHA}.
 *   <li>{@code push}: {@code before} to {@code after}. A new branch has an all-zero {@code before}:
 *       then the commits not on the default branch ({@code origin/<repository.default_branch>}), or
 *       the full history when the pushed branch is the default branch itself (a repository's first
 *       push).
 *   <li>{@code merge_group}: {@code merge_group.base_sha} to {@code merge_group.head_sha}.
 *   <li>anything else ({@code schedule}, {@code workflow_dispatch}, ...): the full history of
 *       {@code GITHUB_SHA}.
 * </ul>
 */
final class GitHubRange {

  private GitHubRange() {}

  static Range of(CiEnvironment ci) {
    String event = ci.var("GITHUB_EVENT_NAME").orElse("");
    Optional<Map<String, Object>> payload =
        ci.var("GITHUB_EVENT_PATH").map(p -> ci.payload("GITHUB_EVENT_PATH", p));
    switch (event) {
      case "pull_request", "pull_request_target" -> {
        return pullRequest(ci, event, payload);
      }
      case "push" -> {
        return push(
            ci,
            payload.orElseThrow(
                () ->
                    new UsageException(
                        "sealant ci: a GitHub push"
                            + " event needs its payload, but GITHUB_EVENT_PATH is not set; pass --base REV")));
      }
      case "merge_group" -> {
        Map<String, Object> p = payload.orElseGet(Map::of);
        Optional<String> base = CiEnvironment.string(p, "merge_group", "base_sha");
        Optional<String> head = CiEnvironment.string(p, "merge_group", "head_sha");
        if (base.isPresent() && head.isPresent()) {
          return range(base, head.get(), "GitHub merge queue: merge_group.base_sha..head_sha");
        }
        throw new UsageException(
            "sealant ci: the GitHub merge_group payload has no"
                + " merge_group.base_sha/head_sha; pass --base REV");
      }
      default -> {
        String head = ci.required("GITHUB_SHA", "GitHub event '" + event + "' scans GITHUB_SHA");
        return range(
            Optional.empty(),
            head,
            "GitHub "
                + (event.isEmpty() ? "run" : "event '" + event + "'")
                + ": full history of GITHUB_SHA (no range in this event)");
      }
    }
  }

  private static Range pullRequest(
      CiEnvironment ci, String event, Optional<Map<String, Object>> payload) {
    Map<String, Object> p = payload.orElseGet(Map::of);
    Optional<String> base = CiEnvironment.string(p, "pull_request", "base", "sha");
    Optional<String> head = CiEnvironment.string(p, "pull_request", "head", "sha");
    if (base.isPresent() && head.isPresent()) {
      return range(base, head.get(), "GitHub " + event + ": pull_request.base.sha..head.sha");
    }
    String baseRef =
        ci.required(
            "GITHUB_BASE_REF",
            "the GitHub " + event + " payload has no" + " pull_request.base.sha");
    String sha =
        ci.required("GITHUB_SHA", "the GitHub " + event + " payload has no pull_request.head.sha");
    return range(
        Optional.of("origin/" + baseRef),
        sha,
        "GitHub " + event + ": origin/GITHUB_BASE_REF..GITHUB_SHA");
  }

  private static Range push(CiEnvironment ci, Map<String, Object> p) {
    Optional<String> after = CiEnvironment.string(p, "after").or(() -> ci.var("GITHUB_SHA"));
    if (after.isEmpty() || CiEnvironment.isZero(after.get())) {
      boolean deleted = after.isPresent();
      throw new UsageException(
          "sealant ci: "
              + (deleted
                  ? "the push deleted a branch, so there is" + " nothing to scan"
                  : "the GitHub push payload has no 'after' and GITHUB_SHA is not set")
              + "; run sealant ci on push events that create or update a branch, or pass --base REV");
    }
    Optional<String> before = CiEnvironment.string(p, "before");
    if (before.isPresent() && !CiEnvironment.isZero(before.get())) {
      return range(before, after.get(), "GitHub push: before..after");
    }
    Optional<String> defaultBranch = CiEnvironment.string(p, "repository", "default_branch");
    String ref = CiEnvironment.string(p, "ref").or(() -> ci.var("GITHUB_REF")).orElse("");
    if (defaultBranch.isPresent() && !ref.equals("refs/heads/" + defaultBranch.get())) {
      return range(
          Optional.of("origin/" + defaultBranch.get()),
          after.get(),
          "GitHub push of a new branch: commits not on origin/" + defaultBranch.get());
    }
    return range(
        Optional.empty(), after.get(), "GitHub push of a new default branch: full history");
  }

  private static Range range(Optional<String> base, String head, String source) {
    return new Range(
        base.map(b -> CiEnvironment.rev("base", b)), CiEnvironment.rev("head", head), source);
  }
}

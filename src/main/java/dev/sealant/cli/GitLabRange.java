package dev.sealant.cli;

import dev.sealant.cli.CiEnvironment.Range;
import java.util.Optional;

/**
 * The scan range on GitLab CI.
 *
 * <ul>
 *   <li>Merge request pipelines: {@code CI_MERGE_REQUEST_DIFF_BASE_SHA} (the merge base) to {@code
 *       CI_COMMIT_SHA}.
 *   <li>Branch pipelines: {@code CI_COMMIT_BEFORE_SHA} to {@code CI_COMMIT_SHA}. On a new branch
 *       that is all zeros: then the commits not on {@code origin/$CI_DEFAULT_BRANCH}, or the full
 *       history on the default branch itself.
 *   <li>Tag, scheduled and other pipelines: the full history of {@code CI_COMMIT_SHA}.
 * </ul>
 */
final class GitLabRange {

  private GitLabRange() {}

  static Range of(CiEnvironment ci) {
    String head = ci.required("CI_COMMIT_SHA", "GitLab CI scans CI_COMMIT_SHA");
    Optional<String> mrBase = ci.var("CI_MERGE_REQUEST_DIFF_BASE_SHA");
    if (mrBase.isPresent()) {
      return range(
          mrBase, head, "GitLab merge request: CI_MERGE_REQUEST_DIFF_BASE_SHA..CI_COMMIT_SHA");
    }
    Optional<String> branch = ci.var("CI_COMMIT_BRANCH");
    Optional<String> before = ci.var("CI_COMMIT_BEFORE_SHA");
    if (branch.isPresent() && before.isPresent() && !CiEnvironment.isZero(before.get())) {
      return range(before, head, "GitLab push: CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA");
    }
    Optional<String> defaultBranch = ci.var("CI_DEFAULT_BRANCH");
    if (branch.isPresent() && defaultBranch.isPresent() && !branch.equals(defaultBranch)) {
      return range(
          Optional.of("origin/" + defaultBranch.get()),
          head,
          "GitLab pipeline for new branch "
              + branch.get()
              + ": commits not on origin/"
              + defaultBranch.get());
    }
    String what =
        ci.var("CI_COMMIT_TAG")
            .map(t -> "tag pipeline")
            .orElse(ci.var("CI_PIPELINE_SOURCE").orElse("pipeline") + " pipeline");
    return range(Optional.empty(), head, "GitLab " + what + ": full history of CI_COMMIT_SHA");
  }

  private static Range range(Optional<String> base, String head, String source) {
    return new Range(
        base.map(b -> CiEnvironment.rev("base", b)), CiEnvironment.rev("head", head), source);
  }
}

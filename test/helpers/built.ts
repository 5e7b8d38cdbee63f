import { staleBuild } from '../../scripts/build-freshness.mjs';

/**
 * The CLI, shell and end-to-end tests run the built files: a build older than src/ would test
 * yesterday's code and pass or fail for the wrong reason, so they refuse it with the command to run.
 */
export function assertFreshBuild(): void {
  const why = staleBuild();
  if (why) {
    throw new Error(
      `The build is stale (${why}): run "npm run build", or run the file with "npm run test:file -- FILE", which builds first.`,
    );
  }
}

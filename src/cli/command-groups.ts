import type { Command } from 'commander';
import type { CliContext } from './context';
import groups from './command-groups.json';

export type Register = (program: Command, ctx: CliContext) => void;

export interface CommandGroup {
  /** The module under src/cli/commands that registers the group. */
  module: string;
  /** Its registering function, as all-commands.ts names it. */
  register: string;
  /** The top-level commands it adds (a unit test holds each group to it). */
  commands: string[];
}

/**
 * Every top-level command, by the module that registers it. The build makes a bundle of each
 * group (out/cli/commands/<command>.cjs) which the launcher runs for that command, so
 * `keydesk jwt …` loads neither `exec`'s child processes nor `oauth`'s listener; `--help`, `help`
 * and a mistyped command run the whole CLI (out/cli/keydesk.cjs), for the list and suggestions.
 * JSON, so that the build script reads it as it is.
 */
export const commandGroups: readonly CommandGroup[] = groups;

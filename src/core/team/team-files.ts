import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How a team folder names a shared account's two files: `accounts/<teamId>.json` (what is not
 * secret) and `accounts/<teamId>.age` (sealed). One place, for the paths Keydesk writes, the
 * listings it reads and the paths git reports.
 */

/** `<folder>/accounts/<teamId>`: the two files are `.json` and `.age` beside it. */
export const accountFileBase = (folder: string, teamId: string) => join(folder, 'accounts', teamId);

/** The team id a path of git's (relative to the folder) is a file of, if it is one. */
export const teamIdOfPath = (path: string) =>
  /^accounts\/([A-Za-z0-9_-]{1,64})\.(?:json|age)$/.exec(path)?.[1];

/** The team ids with an `accounts/<id><ending>` file, sorted; none when there is no accounts/. */
export async function teamIdsWith(folder: string, ending: '.json' | '.age'): Promise<string[]> {
  const names = await readdir(join(folder, 'accounts')).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .filter((name) => name.endsWith(ending))
    .map((name) => name.slice(0, -ending.length))
    .sort();
}

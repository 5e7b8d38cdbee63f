import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/cli';

const root = join(import.meta.dirname, '..', '..');
const engines = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

/** The real bin/keydesk.cjs with process.versions.node reporting `version` (as that Node would). */
function keydeskOnNode(version: string, args: string[]) {
  const pretend = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
  const home = join(tmpdir(), `keydesk-node-version-${process.pid}-${version}`);
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(pretend)}`, cliPath, ...args],
    { encoding: 'utf8', env: { ...process.env, KEYDESK_HOME: home }, timeout: 20_000 },
  );
  return { ...result, home };
}

describe('the CLI on a Node older than engines.node', () => {
  it.each(['20.20.2', '22.11.0', '18.0.0'])(
    'Node %s: one line naming both versions, exit 1, nothing loaded or created',
    (version) => {
      const result = keydeskOnNode(version, ['accounts', 'list']);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`Node.js ${version} is too old`);
      expect(result.stderr).toContain(`needs Node.js ${engines.replace('>=', '')} or newer`);
      // the bundle never ran: it would have made the data folder
      expect(existsSync(result.home)).toBe(false);
    },
  );

  it('runs on exactly the oldest version allowed', () => {
    const result = keydeskOnNode(engines.replace('>=', '').padEnd(5, '.0'), ['--version']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

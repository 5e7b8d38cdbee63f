import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { untrustedBecause } from '../../src/cli/private-folder';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/**
 * A `.keydesk` someone else put in the way (issue 20, finding 5): a symlink `keydesk use` would
 * write through, a file that picks another customer's application, one others may write to, one
 * above the home folder.
 */
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const acmeApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000011';
const globexApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000012';
const noEnv = { KEYDESK_APP: '', KEYDESK_ACCOUNT: '' };
const folder = () => mkdtempSync(join(tmpdir(), 'keydesk-defaults-'));
/** What a person does after reading a file they did not write with `keydesk use`. */
const trust = async (cwd: string, env: NodeJS.ProcessEnv = noEnv) => {
  const trusted = await keydesk(['trust'], { cwd, env });
  expect(trusted.code, trusted.stderr).toBe(0);
};

beforeAll(async () => {
  const pem = makeRsaKeys().pkcs8;
  await seedWithCli(keydesk, dataDir, {
    accounts: [
      { name: 'Acme', apiKey: 'acme0001', secret: 'acme-secret' },
      { name: 'Globex', apiKey: 'globex01', secret: 'globex-secret' },
    ],
    apps: [
      { account: 'Acme', id: acmeApp, name: 'Voice bot', pem },
      { account: 'Globex', id: globexApp, name: 'Globex bot', pem },
    ],
  });
});

describe('a .keydesk someone else put in the way', () => {
  it('keydesk use does not write through a symlink', async () => {
    const project = folder();
    const target = join(folder(), 'authorized_keys');
    writeFileSync(target, 'ssh-ed25519 AAAA victim\n');
    symlinkSync(target, join(project, '.keydesk'));
    const used = await keydesk(['use', 'Voice bot'], { cwd: project, env: noEnv });
    expect(used.code).toBe(1);
    expect(used.stderr).toContain(
      '.keydesk is a symbolic link; Keydesk does not write through one',
    );
    expect(readFileSync(target, 'utf8')).toBe('ssh-ed25519 AAAA victim\n');
  });

  it("exec and env keep to the file's account: another customer's application is refused", async () => {
    const project = folder();
    writeFileSync(join(project, '.keydesk'), `account = Acme\napplication = ${globexApp}\n`);
    await trust(project);
    const exec = await keydesk(['exec', '--', 'sh', '-c', 'printf %s "$VONAGE_API_SECRET"'], {
      cwd: project,
      env: noEnv,
    });
    expect(exec.code).toBe(1);
    expect(exec.stdout).toBe('');
    expect(exec.stderr).toContain(
      `"${globexApp}" is an application of account "Globex", not of "Acme"`,
    );
    const env = await keydesk(['env'], { cwd: project, env: noEnv });
    expect(env.code).toBe(1);
    expect(env.stdout).not.toContain('globex-secret');

    // The file's own account's application still works, and stderr says what was used.
    writeFileSync(join(project, '.keydesk'), `account = Acme\napplication = Voice bot\n`);
    await trust(project);
    const ok = await keydesk(['exec', '--', 'sh', '-c', 'printf %s "$VONAGE_API_SECRET"'], {
      cwd: project,
      env: noEnv,
    });
    expect(ok).toMatchObject({ code: 0, stdout: 'acme-secret' });
    expect(ok.stderr).toContain(
      `keydesk: using application "Voice bot" from ${join(project, '.keydesk')}`,
    );
  });

  it('passes over a file others may write to, saying so in one line', async () => {
    const project = folder();
    const file = join(project, '.keydesk');
    writeFileSync(file, 'application = Voice bot\nsub = attacker\nttl = 24h\n');
    chmodSync(file, 0o666);
    const jwt = await keydesk(['jwt'], { cwd: project, env: noEnv });
    expect(jwt.code).toBe(2);
    expect(jwt.stdout).toBe('');
    expect(jwt.stderr).toContain(
      `keydesk: ignoring ${file}: other users may write to it (chmod go-w ${file} if it is yours).`,
    );
    chmodSync(file, 0o644);
    await trust(project);
    expect((await keydesk(['jwt'], { cwd: project, env: noEnv })).code).toBe(0);
  });

  it("takes another user's file for untrusted, whatever its mode", async () => {
    const stat = (uid: number, mode: number) => ({
      uid,
      mode,
      isSymbolicLink: () => false,
      isDirectory: () => false,
      isFile: () => true,
    });
    expect(untrustedBecause(stat(1001, 0o100644), 'file', 'write', 1000)).toBe(
      'another user owns it',
    );
    expect(untrustedBecause(stat(1000, 0o100644), 'file', 'write', 1000)).toBeUndefined();
    expect(untrustedBecause(stat(1000, 0o100620), 'file', 'write', 1000)).toBe(
      'other users may write to it',
    );
  });

  it('stops looking at the home folder: a .keydesk above it is not read', async () => {
    const above = folder();
    const home = join(above, 'home');
    const project = join(home, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(above, '.keydesk'), 'application = Voice bot\n');
    const jwt = await keydesk(['jwt'], { cwd: project, env: { ...noEnv, HOME: home } });
    expect(jwt.code).toBe(2);
    expect(jwt.stderr).toContain('Name the application, or set a default');
    writeFileSync(join(home, '.keydesk'), 'application = Voice bot\n');
    await trust(project, { ...noEnv, HOME: home });
    expect((await keydesk(['jwt'], { cwd: project, env: { ...noEnv, HOME: home } })).code).toBe(0);
  });

  it('a file Keydesk did not write chooses nothing until trusted, and again once changed', async () => {
    const project = folder();
    const file = join(project, '.keydesk');
    // As a cloned repository would bring it.
    writeFileSync(file, 'account = Acme\napplication = Voice bot\nsub = attacker\nttl = 24h\n');
    const unnamed = await keydesk(['jwt'], { cwd: project, env: noEnv });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stdout).toBe('');
    expect(unnamed.stderr).toContain(
      `keydesk: ignoring ${file}: Keydesk did not write it, or it changed since it was trusted. Read it, then run "keydesk trust" to use it.`,
    );
    // A named application does not quietly take the untrusted file's sub or lifetime.
    const named = await keydesk(['jwt', 'Voice bot'], { cwd: project, env: noEnv });
    expect(named.code, named.stderr).toBe(0);
    const claims = JSON.parse(
      Buffer.from(named.stdout.trim().split('.')[1] ?? '', 'base64url').toString(),
    ) as { sub?: string; exp: number; iat: number };
    expect(claims.sub).toBeUndefined();
    expect(claims.exp - claims.iat).toBeLessThan(86_400);

    const trusted = await keydesk(['trust'], { cwd: project, env: noEnv });
    expect(trusted.stdout).toBe(
      `Trusted ${file} as it reads now: account "Acme", application "Voice bot", ttl 86400 s, sub "attacker".\n`,
    );
    expect((await keydesk(['jwt'], { cwd: project, env: noEnv })).code).toBe(0);

    writeFileSync(file, 'account = Globex\napplication = Globex bot\n');
    const changed = await keydesk(['jwt'], { cwd: project, env: noEnv });
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain(`keydesk: ignoring ${file}`);
    expect((await keydesk(['trust', '--remove'], { cwd: project, env: noEnv })).stdout).toContain(
      `No longer trusting ${file}`,
    );
  });

  it('keydesk use writes a file that is trusted as written', async () => {
    const project = folder();
    expect((await keydesk(['use', 'Voice bot'], { cwd: project, env: noEnv })).code).toBe(0);
    const jwt = await keydesk(['jwt'], { cwd: project, env: noEnv });
    expect(jwt.code, jwt.stderr).toBe(0);
    expect(jwt.stderr).not.toContain('ignoring');
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { createPublicKey, createVerify } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execKeyRoot } from '../../src/cli/exec-key-folder';
import { assertCliBuilt, cliPath, cliRunner, seedWithCli } from '../helpers/cli';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** `keydesk exec` and `keydesk env`: credentials into a customer's script, as a user runs them. */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const keydesk = cliRunner(dataDir, keychain.service);
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const apiSecret = "exec-Secret-with 'quotes' and $dollars";
let keys: RsaKeys;

/** exec keeps key files in the user's runtime folder (with-keyring.sh sets XDG_RUNTIME_DIR). */
const keyRoot = execKeyRoot();
const keydeskExecFolders = () =>
  existsSync(keyRoot) ? readdirSync(keyRoot).filter((f) => f.startsWith('exec-')) : [];

/** A script that prints the VONAGE_ variables it was given as JSON. */
const printVonageEnv = [
  process.execPath,
  '-e',
  'console.log(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("VONAGE_")))))',
];

function verifiesWith(token: string, publicKeyPem: string): boolean {
  const [header, payload, signature] = token.split('.');
  return createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(createPublicKey(publicKeyPem), Buffer.from(signature ?? '', 'base64url'));
}

beforeAll(async () => {
  assertCliBuilt();
  keys = makeRsaKeys();
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: apiSecret }],
    apps: [{ account: 'Acme', id: appId, name: 'Voice bot', pem: keys.pkcs8 }],
  });
  expect(
    keydesk(['accounts', 'edit', 'Acme', '--signature-secret-stdin'], { stdin: 'sig-Secret-1' })
      .code,
  ).toBe(0);
});
afterAll(() => keychain.clear());

describe('keydesk exec', () => {
  it("hands an application's credentials to the command only, and passes its exit code on", () => {
    const before = keydeskExecFolders();
    const run = keydesk(['exec', 'Voice bot', '--ttl', '5m', '--', ...printVonageEnv]);
    expect(run.code).toBe(0);
    const given = JSON.parse(run.stdout) as Record<string, string>;
    expect(given).toMatchObject({
      VONAGE_API_KEY: 'acme0001',
      VONAGE_API_SECRET: apiSecret,
      VONAGE_SIGNATURE_SECRET: 'sig-Secret-1',
      VONAGE_APPLICATION_ID: appId,
    });
    expect(
      createPublicKey(given.VONAGE_PRIVATE_KEY ?? '').export({ format: 'pem', type: 'spki' }),
    ).toBe(keys.spki);
    const jwt = given.VONAGE_JWT ?? '';
    expect(verifiesWith(jwt, keys.spki)).toBe(true);
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(300);
    // The key file was the user's alone and is gone.
    expect(given.VONAGE_APPLICATION_PRIVATE_KEY_PATH).toMatch(
      new RegExp(`^${keyRoot}/exec-\\d+-\\w{6}/private\\.key$`),
    );
    expect(keyRoot.startsWith(process.env.XDG_RUNTIME_DIR ?? '-')).toBe(true);
    expect(existsSync(given.VONAGE_APPLICATION_PRIVATE_KEY_PATH ?? '')).toBe(false);
    expect(keydeskExecFolders()).toEqual(before);

    const mode = keydesk([
      'exec',
      'Voice bot',
      '--',
      'sh',
      '-c',
      'stat -c %a "$VONAGE_APPLICATION_PRIVATE_KEY_PATH"; exit 7',
    ]);
    expect(mode).toMatchObject({ code: 7, stdout: '600\n' });
    // Nothing of it in keydesk's own environment afterwards, of course, nor in the history.
    const history = keydesk(['history', '--action', 'exec', '--json']);
    expect(history.stdout).toContain('VONAGE_APPLICATION_PRIVATE_KEY_PATH');
    expect(history.stdout).not.toContain(apiSecret);
  });

  it('passes the JWT alone with --only jwt, and an account its key and secrets', () => {
    const only = JSON.parse(
      keydesk(['exec', 'Voice bot', '--only', 'jwt', '--', ...printVonageEnv]).stdout,
    );
    expect(Object.keys(only)).toEqual(['VONAGE_JWT']);
    const account = JSON.parse(keydesk(['exec', 'Acme', '--', ...printVonageEnv]).stdout);
    expect(Object.keys(account).sort()).toEqual([
      'VONAGE_API_KEY',
      'VONAGE_API_SECRET',
      'VONAGE_SIGNATURE_SECRET',
    ]);
    const refused = keydesk(['exec', 'Acme', '--only', 'jwt', '--', 'true']);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--only jwt needs an application/),
    });
  });

  it('removes the key file when it is stopped with SIGTERM, and dies of the same signal', async () => {
    const before = keydeskExecFolders();
    const child = spawn(
      process.execPath,
      [cliPath, 'exec', 'Voice bot', '--', 'sh', '-c', 'echo started; sleep 30'],
      {
        env: { ...process.env, KEYDESK_HOME: dataDir, KEYDESK_KEYCHAIN_SERVICE: keychain.service },
      },
    );
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    expect(keydeskExecFolders().length).toBe(before.length + 1);
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(keydeskExecFolders()).toEqual(before);
  });

  it('removes the key file on SIGQUIT; one left by a SIGKILLed run goes at the next exec', async () => {
    const env = {
      ...process.env,
      KEYDESK_HOME: dataDir,
      KEYDESK_KEYCHAIN_SERVICE: keychain.service,
    };
    const run = async (signal: NodeJS.Signals) => {
      // In a folder of its own: a process that dies of SIGQUIT may leave a core file.
      const child = spawn(
        process.execPath,
        [
          cliPath,
          'exec',
          'Voice bot',
          '--',
          'sh',
          '-c',
          'echo "$$ $VONAGE_APPLICATION_PRIVATE_KEY_PATH"; exec sleep 30',
        ],
        { env, cwd: makeDataDir() },
      );
      const [pid, keyPath] = await new Promise<string[]>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim().split(' '))),
      );
      expect(existsSync(keyPath ?? '')).toBe(true);
      child.kill(signal);
      await new Promise((resolve) => child.on('exit', resolve));
      // The command itself, orphaned by a SIGKILL.
      spawnSync('kill', ['-KILL', pid ?? '']);
      return keyPath ?? '';
    };
    const before = keydeskExecFolders();
    expect(existsSync(await run('SIGQUIT'))).toBe(false);
    expect(keydeskExecFolders()).toEqual(before);

    // SIGKILL: no handler runs, the key stays until an exec finds its keydesk gone.
    const left = await run('SIGKILL');
    expect(existsSync(left)).toBe(true);
    expect(keydesk(['exec', 'Voice bot', '--', 'true']).code).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(keydeskExecFolders()).toEqual(before);
  });

  it("never hands the vault's passphrase or session to the command, not even through its parent", () => {
    // What the review's hostile command did: read its own environment and its parent's first one.
    const snoop = [
      process.execPath,
      '-e',
      `const fs = require("node:fs");
       const read = (f) => { try { return fs.readFileSync(f, "latin1"); } catch (e) { return "unreadable " + e.code; } };
       console.log(JSON.stringify({ own: process.env, parent: read("/proc/" + process.ppid + "/environ"),
         parentArgs: read("/proc/" + process.ppid + "/cmdline"), key: process.env.VONAGE_API_SECRET }));`,
    ];
    const passphrase = process.env.KEYDESK_PASSPHRASE ?? 'a passphrase the OS keychain ignores';
    const session = 'kds_session-token-of-this-test';
    const run = keydesk(['exec', 'Voice bot', '--', ...snoop], {
      env: { KEYDESK_PASSPHRASE: passphrase, KEYDESK_SESSION: session },
    });
    expect(run.code).toBe(0);
    const seen = JSON.parse(run.stdout) as {
      own: Record<string, string>;
      parent: string;
      parentArgs: string;
      key: string;
    };
    expect(seen.key).toBe(apiSecret);
    expect(seen.own.KEYDESK_PASSPHRASE).toBeUndefined();
    expect(seen.own.KEYDESK_SESSION).toBeUndefined();
    // The parent was readable (same user) and is keydesk's supervisor, which never had them.
    expect(seen.parent).toContain('VONAGE_API_SECRET=');
    expect(seen.parentArgs).toContain('exec-supervisor.cjs');
    for (const text of [seen.parent, seen.parentArgs]) {
      expect(text).not.toContain(passphrase);
      expect(text).not.toContain(session);
    }
  });

  it('says so when the command or the name does not exist', () => {
    expect(keydesk(['exec', 'Voice bot', '--', 'no-such-command-here'])).toMatchObject({
      code: 127,
      stderr: expect.stringContaining('command not found: no-such-command-here'),
    });
    expect(keydesk(['exec', 'Voice bt', '--', 'true'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No application or account named "Voice bt"'),
    });
    expect(keydesk(['exec', 'Voice bot'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Give the command to run after --'),
    });
  });
});

describe('keydesk env', () => {
  it('prints shell exports a shell reads back exactly, a .env that Node reads back, and JSON', () => {
    const shell = keydesk(['env', 'Voice bot']);
    expect(shell.code).toBe(0);
    const sourced = spawnSync(
      'sh',
      ['-c', 'eval "$(cat)"; printf %s "$VONAGE_API_SECRET|$VONAGE_PRIVATE_KEY"'],
      {
        input: shell.stdout,
        encoding: 'utf8',
      },
    );
    expect(sourced.stdout.trimEnd()).toBe(`${apiSecret}|${keys.pkcs8.trimEnd()}`);

    const dotenv = parseEnv(keydesk(['env', 'Voice bot', '--format', 'dotenv']).stdout);
    expect(dotenv.VONAGE_API_SECRET).toBe(apiSecret);
    expect(dotenv.VONAGE_PRIVATE_KEY?.trimEnd()).toBe(keys.pkcs8.trimEnd());

    const json = JSON.parse(keydesk(['env', 'Acme', '--format', 'json', '--no-secrets']).stdout);
    expect(json).toEqual({ VONAGE_API_KEY: 'acme0001' });
    expect(keydesk(['env', 'Acme', '--format', 'yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format: "yaml" is not a format; use shell, dotenv, json.'),
    });
  });
});

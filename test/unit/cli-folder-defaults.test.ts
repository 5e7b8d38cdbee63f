import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** A project folder's `.keydesk` and KEYDESK_APP / KEYDESK_ACCOUNT: commands that need no name. */
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const voice = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
const video = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002';
const project = mkdtempSync(join(tmpdir(), 'keydesk-project-'));
const nested = join(project, 'src', 'webhooks');
const noEnv = { KEYDESK_APP: '', KEYDESK_ACCOUNT: '' };

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.trim().split('.')[1] ?? '', 'base64url').toString()) as {
    application_id: string;
    exp: number;
    iat: number;
    sub?: string;
  };

beforeAll(async () => {
  mkdirSync(nested, { recursive: true });
  const pem = makeRsaKeys().pkcs8;
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: 's' }],
    apps: [
      { account: 'Acme', id: voice, name: 'Voice bot', pem },
      { account: 'Acme', id: video, name: 'Video', pem },
    ],
  });
});

describe('defaults per folder', () => {
  it('says how to set a default when there is none', async () => {
    expect(await keydesk(['jwt'], { cwd: project, env: noEnv })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Name the application, or set a default: "keydesk use APP"'),
    });
  });

  it('keydesk use writes .keydesk; jwt, exec and env in the folder and below need no name', async () => {
    const used = await keydesk(['use', 'Voice bot'], { cwd: project, env: noEnv });
    expect(used.code).toBe(0);
    expect(readFileSync(join(project, '.keydesk'), 'utf8')).toContain(`application = ${voice}`);
    expect(
      claimsOf((await keydesk(['jwt'], { cwd: nested, env: noEnv })).stdout).application_id,
    ).toBe(voice);
    const exec = await keydesk(['exec', '--', 'sh', '-c', 'printf %s "$VONAGE_APPLICATION_ID"'], {
      cwd: nested,
      env: noEnv,
    });
    expect(exec).toMatchObject({ code: 0, stdout: voice });
    expect(
      (await keydesk(['env', '--no-secrets', '--format', 'json'], { cwd: nested, env: noEnv }))
        .stdout,
    ).toContain(voice);
    // A name given still wins.
    expect(
      claimsOf((await keydesk(['jwt', 'Video'], { cwd: nested, env: noEnv })).stdout)
        .application_id,
    ).toBe(video);
  });

  it('takes token defaults from the file, and KEYDESK_APP over the file', async () => {
    writeFileSync(
      join(project, '.keydesk'),
      `account = Acme\napplication = Voice bot\nttl = 5m\nsub = alice\n`,
    );
    expect((await keydesk(['trust'], { cwd: nested, env: noEnv })).code).toBe(0);
    const claims = claimsOf((await keydesk(['jwt'], { cwd: nested, env: noEnv })).stdout);
    expect(claims).toMatchObject({ application_id: voice, sub: 'alice' });
    expect(claims.exp - claims.iat).toBe(300);
    expect(
      claimsOf((await keydesk(['jwt'], { cwd: nested, env: { KEYDESK_APP: 'Video' } })).stdout)
        .application_id,
    ).toBe(video);
  });

  it('names the file when what it names is not stored, or it holds an unknown key', async () => {
    writeFileSync(join(project, '.keydesk'), 'application = Voice bt\n');
    expect((await keydesk(['trust'], { cwd: nested, env: noEnv })).code).toBe(0);
    const missing = await keydesk(['jwt'], { cwd: nested, env: noEnv });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `${join(project, '.keydesk')}: APP: No application named or with id "Voice bt". Did you mean "Voice bot"?`,
    );
    writeFileSync(join(project, '.keydesk'), 'app = Voice bot\n');
    // Read before it is trusted: a broken file is told by trust, and trusts nothing.
    expect(await keydesk(['trust'], { cwd: nested, env: noEnv })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '"app" is not a setting here; use account, application, ttl, sub, acl-preset',
      ),
    });
    expect((await keydesk(['jwt'], { cwd: nested, env: noEnv })).stderr).toContain(
      '"keydesk trust"',
    );
  });
});

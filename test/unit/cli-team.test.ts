import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeDataDir } from '../helpers/services';

describe('keydesk team identity', () => {
  it('makes the identity once, keeps its secret half in the keychain, prints the recipient age derives', async () => {
    const keydesk = cliInProcess(makeDataDir());
    const first = await keydesk(['team', 'identity']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/made your team identity; its secret half is in your keychain/);
    const recipient = first.stdout.trim();
    expect(recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);

    // The same identity afterwards, said without the note.
    const again = await keydesk(['team', 'identity', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ recipient, created: false });
    expect(again.stderr).toBe('');

    // The secret half is an age identity whose recipient age-keygen derives as printed.
    const refs = await keydesk.keychain.listRefs();
    const ref = refs.find((r) => r.endsWith('team/me/identity'));
    const identity = ref ? await keydesk.keychain.get(ref) : null;
    expect(identity).toMatch(/^AGE-SECRET-KEY-1/);
    expect(
      execFileSync('age-keygen', ['-y'], { input: identity ?? '', encoding: 'utf8' }).trim(),
    ).toBe(recipient);

    // The doctor expects the entry (no orphan), and the history says it was made.
    const doctor = await keydesk(['doctor', '--json']);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ orphanSecrets: [], missingSecrets: [] });
    expect((await keydesk(['history'])).stdout).toContain(`Made a team identity (${recipient})`);
  });

  it('identity gone from the keychain: the doctor says so, --fix forgets it, a new one follows', async () => {
    const keydesk = cliInProcess(makeDataDir());
    // An account whose secret is still there: a keychain holding none of the vault's secrets is
    // the wrong keychain, which --fix leaves alone.
    await keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], { stdin: 's' });
    const old = (await keydesk(['team', 'identity'])).stdout.trim();
    const ref = (await keydesk.keychain.listRefs()).find((r) => r.endsWith('team/me/identity'));
    await keydesk.keychain.delete(ref ?? '');
    const doctor = await keydesk(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(
      /Missing secret: team-member "your team identity" has no team identity/,
    );
    const fixed = await keydesk(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(/Forgot your team identity/);
    const fresh = await keydesk(['team', 'identity']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout.trim()).not.toBe(old);
  });
});

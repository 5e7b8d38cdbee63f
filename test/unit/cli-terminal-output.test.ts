import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { joseToken } from '../helpers/jwt';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/**
 * Text from outside reaches the terminal with its controls written out (issue 20, finding 4): a
 * customer's token whose claims set the window title and clear the screen, a name typed on the
 * command line that comes back in an error. JSON stays JSON that reads back the same values.
 */
const keydesk = cliInProcess(makeDataDir());
let keys: RsaKeys;
const hostile = '\u001b]0;pwned\u0007Acme\u202eCorp\u009b2J';
const acting = /[\p{Cc}\u202e]/u;
/** What a terminal would act on, line feeds aside. */
const actingOutsideLines = (text: string) => text.replace(/\n/g, '').match(acting);

beforeAll(() => {
  keys = makeRsaKeys();
});

describe('CLI output of text from outside', () => {
  it('decode shows a hostile claim written out, and --json reads back exactly', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      application_id: randomUUID(),
      iat: now,
      exp: now + 900,
      jti: randomUUID(),
      sub: hostile,
    };
    const token = await joseToken(claims, keys.privateKey);
    const shown = await keydesk(['decode', token]);
    expect(actingOutsideLines(shown.stdout)).toBeNull();
    expect(shown.stdout).toContain('\\x1b]0;pwned\\x07Acme\\u202eCorp\\x9b2J');

    const json = await keydesk(['decode', token, '--json']);
    expect(json.stdout).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(json.stdout)).toMatchObject({ claims: { sub: hostile } });
  });

  it('an error naming what was typed writes its controls out', async () => {
    const failed = await keydesk(['accounts', 'show', hostile]);
    expect(failed.code).toBe(1);
    expect(actingOutsideLines(failed.stderr)).toBeNull();
    expect(failed.stderr).toContain('\\x1b]0;pwned');
  });
});

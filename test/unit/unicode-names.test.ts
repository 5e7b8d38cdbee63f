import { describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { cliInProcess } from '../helpers/cli-in-process';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir, openTestServices } from '../helpers/services';

const keychain = createMemoryTestKeychain();
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

describe('names compare by a Unicode case-fold of their NFC form', () => {
  it('ZÜRICH finds Zürich, STRASSE clashes with Straße, a decomposed ü equals a composed one', async () => {
    const dataDir = makeDataDir();
    const keydesk = cliInProcess(dataDir);
    expect(
      (
        await keydesk(['accounts', 'add', '--name', 'Zürich', '--api-key', 'abcd1234'], {
          stdin: 's',
        })
      ).code,
    ).toBe(0);
    const added = await keydesk(
      ['apps', 'add', '--account', 'ZÜRICH', '--id', appId, '--name', 'Café Bot', '--key-stdin'],
      { stdin: makeRsaKeys().pkcs8 },
    );
    expect(added.code, added.stderr).toBe(0);
    // "Cafe\u0301 BOT": e + combining acute, upper case
    const minted = await keydesk(['jwt', 'Cafe\u0301 BOT']);
    expect(minted.code, minted.stderr).toBe(0);

    const opened = openTestServices(keychain, { dataDir });
    const { fails } = contractCaller(() => opened.invoke);
    expect(
      await fails('accounts:create', { name: 'zürich', apiKey: 'ffff0000', apiSecret: 's' }),
    ).toMatchObject({ code: 'CONFLICT', field: 'name' });
    await opened.services.vault.accounts.create({
      name: 'Straße',
      apiKey: 'eeee0000',
      apiSecret: 's',
    });
    expect(
      await fails('accounts:create', { name: 'STRASSE', apiKey: 'dddd0000', apiSecret: 's' }),
    ).toMatchObject({ code: 'CONFLICT' });
    opened.services.close();
    await keychain.clear();
  });
});

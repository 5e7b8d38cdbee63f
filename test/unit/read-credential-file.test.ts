import { describe, expect, it } from 'vitest';
import { detectFormat, readCredentialFile } from '../../src/core/import/read-credential-file';

const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

describe('readCredentialFile', () => {
  it('reads a .nexmorc [credentials] section', () => {
    const file = readCredentialFile(
      '/home/sam/.nexmorc',
      '[credentials]\napi_key = abcd1234\napi_secret = Sh0rtSecret\n',
    );
    expect(file).toEqual({
      format: 'nexmorc',
      account: { apiKey: 'abcd1234', apiSecret: 'Sh0rtSecret' },
    });
  });

  it('reads a .nexmo-app with a key path, and with quoted PEM text', () => {
    const withPath = readCredentialFile(
      '.nexmo-app',
      `[app_config]\napp_id = ${appId}\nprivate_key = ./private.key\n`,
    );
    expect(withPath.application).toEqual({
      id: appId,
      name: undefined,
      privateKey: { path: './private.key' },
    });
    const quoted = readCredentialFile(
      '.nexmo-app',
      `[app_config]\napp_id = ${appId}\nprivate_key = ${JSON.stringify(pem)}\n`,
    );
    expect(quoted.application?.privateKey).toEqual({ pem });
  });

  it('recovers PEM written unquoted across several INI lines', () => {
    const file = readCredentialFile(
      '.nexmo-app',
      `[app_config]\napp_id = ${appId}\nprivate_key = ${pem}`,
    );
    const key = file.application?.privateKey;
    expect(key && 'pem' in key && key.pem).toContain('-----END PRIVATE KEY-----');
  });

  it('reads .vonagerc in kebab-case and camelCase, and ~/.vonage/config.json', () => {
    const kebab = readCredentialFile(
      '.vonagerc',
      JSON.stringify({
        'api-key': 'abcd1234',
        'api-secret': 's',
        'app-id': appId,
        'private-key': pem,
      }),
    );
    const camel = readCredentialFile(
      '/home/sam/.vonage/config.json',
      JSON.stringify({ apiKey: 'abcd1234', apiSecret: 's', appId, privateKey: '/keys/p.key' }),
    );
    expect(kebab).toMatchObject({
      format: 'vonagerc',
      account: { apiKey: 'abcd1234', apiSecret: 's' },
      application: { id: appId, privateKey: { pem } },
    });
    expect(camel).toMatchObject({
      format: 'vonagerc',
      application: { id: appId, privateKey: { path: '/keys/p.key' } },
    });
  });

  it('reads vonage_app.json with its application name', () => {
    const file = readCredentialFile(
      'vonage_app.json',
      JSON.stringify({ application_name: 'Voice bot', application_id: appId, private_key: pem }),
    );
    expect(file).toEqual({
      format: 'vonage-app-json',
      application: { id: appId, name: 'Voice bot', privateKey: { pem } },
    });
  });

  it('reads a bare private.key', () => {
    expect(readCredentialFile('private.key', pem)).toEqual({
      format: 'private-key',
      application: { privateKey: { pem } },
    });
  });

  it('recognises files by content when renamed', () => {
    expect(detectFormat('creds.txt', '[credentials]\napi_key=x')).toBe('nexmorc');
    expect(detectFormat('app.ini', '[app_config]\napp_id=x')).toBe('nexmo-app');
    expect(detectFormat('download.json', JSON.stringify({ application_id: appId }))).toBe(
      'vonage-app-json',
    );
    expect(detectFormat('notes.txt', pem)).toBe('private-key');
  });

  it('says what is wrong with files it cannot use', () => {
    expect(() => readCredentialFile('notes.txt', 'just some notes')).toThrow(
      /does not recognise "notes.txt".*\.nexmorc/,
    );
    expect(() => readCredentialFile('.vonagerc', '{"apiKey": ')).toThrow(/not valid JSON/);
    expect(() => readCredentialFile('.vonagerc', '[1,2]')).toThrow(/JSON object/);
    expect(() => readCredentialFile('.vonagerc', '{"region": "eu"}')).toThrow(
      /neither an API key nor an application id/,
    );
    expect(() => readCredentialFile('.nexmorc', '[credentials]\nfoo = bar\n')).toThrow(
      /nothing to import/,
    );
    expect(() => readCredentialFile('.nexmorc', '   \n')).toThrow(/is empty/);
  });
});

import { basename } from 'node:path';
import { parse as parseIni } from 'ini';
import { KeydeskError } from '../../shared/errors';
import type { ImportFormat } from '../../shared/import-schemas';
import { findPemBlocks } from '../keys/find-pem-blocks';

export type KeyReference = { pem: string } | { path: string };

/** What a Vonage/Nexmo tool's file says, before anything is validated against the vault. */
export interface CredentialFile {
  format: ImportFormat;
  account?: { apiKey: string; apiSecret?: string; signatureSecret?: string };
  application?: { id?: string; name?: string; privateKey?: KeyReference };
}

export function detectFormat(fileName: string, content: string): ImportFormat {
  const name = basename(fileName).toLowerCase();
  if (name === '.nexmorc') return 'nexmorc';
  if (name === '.nexmo-app') return 'nexmo-app';
  if (name === '.vonagerc' || name === 'config.json') return 'vonagerc';
  if (name === 'vonage_app.json') return 'vonage-app-json';
  const text = content.trim();
  if (text.startsWith('{'))
    return /"application_?id"/i.test(text) && !/"api[-_]?key"/i.test(text)
      ? 'vonage-app-json'
      : 'vonagerc';
  if (/^\s*\[credentials\]/m.test(text)) return 'nexmorc';
  if (/^\s*\[app_config\]/m.test(text)) return 'nexmo-app';
  if (text.includes('-----BEGIN') || /\.(key|pem)$/.test(name)) return 'private-key';
  throw new KeydeskError(
    'IMPORT_UNRECOGNISED',
    `Keydesk does not recognise "${basename(fileName)}". It imports .nexmorc, .nexmo-app, .vonagerc, ` +
      '~/.vonage/config.json, vonage_app.json and private.key files.',
    'fileName',
  );
}

export function readCredentialFile(fileName: string, content: string): CredentialFile {
  if (content.trim() === '') {
    throw new KeydeskError('IMPORT_INVALID', `"${basename(fileName)}" is empty.`, 'content');
  }
  const format = detectFormat(fileName, content);
  switch (format) {
    case 'nexmorc':
    case 'nexmo-app':
      return readIni(format, content);
    case 'vonagerc':
    case 'vonage-app-json':
      return readJson(format, fileName, content);
    case 'private-key':
      return { format, application: { privateKey: { pem: content } } };
  }
}

/** Nexmo CLI files: `[credentials] api_key/api_secret` and `[app_config] app_id/private_key`. */
function readIni(format: ImportFormat, content: string): CredentialFile {
  const ini = parseIni(content) as Record<string, Record<string, unknown> | undefined>;
  const credentials = ini.credentials ?? {};
  const appConfig = ini.app_config ?? {};
  const apiKey = text(credentials.api_key);
  const appId = text(appConfig.app_id) ?? text(appConfig.application_id);
  if (!apiKey && !appId) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      'This INI file has neither "[credentials] api_key" nor "[app_config] app_id"; there is nothing to import.',
      'content',
    );
  }
  return {
    format,
    ...(apiKey && { account: { apiKey, apiSecret: text(credentials.api_secret) } }),
    ...(appId && {
      application: {
        id: appId,
        name: text(appConfig.app_name) ?? text(appConfig.name),
        privateKey: keyReference(text(appConfig.private_key), content),
      },
    }),
  };
}

/** Vonage CLI files use kebab-case (`api-key`) or camelCase (`apiKey`); snake_case appears too. */
function readJson(format: ImportFormat, fileName: string, content: string): CredentialFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      `"${basename(fileName)}" is not valid JSON (${(error as Error).message}).`,
      'content',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      `"${basename(fileName)}" should hold a JSON object.`,
      'content',
    );
  }
  const fields = new Map(
    Object.entries(parsed).map(([key, value]) => [key.toLowerCase().replace(/[-_]/g, ''), value]),
  );
  const pick = (...names: string[]) => names.map((n) => text(fields.get(n))).find(Boolean);
  const apiKey = pick('apikey');
  const appId = pick('appid', 'applicationid');
  if (!apiKey && !appId) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      `"${basename(fileName)}" has neither an API key nor an application id; there is nothing to import.`,
      'content',
    );
  }
  return {
    format,
    ...(apiKey && {
      account: { apiKey, apiSecret: pick('apisecret'), signatureSecret: pick('signaturesecret') },
    }),
    ...(appId && {
      application: {
        id: appId,
        name: pick('applicationname', 'appname', 'name'),
        privateKey: keyReference(pick('privatekey', 'privatekeypath'), content),
      },
    }),
  };
}

/**
 * A private_key value is either PEM text or a path. PEM written unquoted over several INI lines
 * arrives cut after the first line, so the block is then taken from the raw file instead.
 */
function keyReference(value: string | undefined, rawFile: string): KeyReference | undefined {
  if (!value) return undefined;
  if (value.includes('-----BEGIN')) {
    if (findPemBlocks(value).length > 0) return { pem: value };
    return { pem: rawFile };
  }
  return { path: value };
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

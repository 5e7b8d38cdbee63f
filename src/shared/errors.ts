/**
 * Every failure that crosses the contract (or reaches the CLI) is one of these codes, so the UI can
 * decide what to show (a field error, the keychain banner, a toast) without parsing messages.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_TIMEOUT',
  'KEYCHAIN_FAILED',
  'KEY_IS_PUBLIC',
  'KEY_IS_CERTIFICATE',
  'KEY_NOT_RSA',
  'KEY_ENCRYPTED',
  'KEY_PASSPHRASE_WRONG',
  'KEY_TOO_SMALL',
  'KEY_MALFORMED',
  'KEY_MISMATCH',
  'TOKEN_MALFORMED',
  'OAUTH_REJECTED',
  'OAUTH_BAD_RESPONSE',
  'OAUTH_UNREACHABLE',
  'OAUTH_TIMEOUT',
  'OAUTH_DENIED',
  'OAUTH_CANCELLED',
  'OAUTH_TOKEN_MISMATCH',
  'VONAGE_FAILED',
  /** The person asked to confirm a change said no. */
  'CANCELLED',
  'IMPORT_UNRECOGNISED',
  'IMPORT_INVALID',
  'DB_FROM_FUTURE',
  'DB_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses the contract. Zod-free: the CLI loads this before anything else. */
export interface KeydeskErrorShape {
  code: ErrorCode;
  message: string;
  /** The input field at fault, as a dotted path (`apiKey`, `key.pem`), when there is one. */
  field?: string;
}

export class KeydeskError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'KeydeskError';
    this.code = code;
    this.field = field;
  }

  toShape(): KeydeskErrorShape {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isKeydeskError(value: unknown): value is KeydeskError {
  return value instanceof KeydeskError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KeydeskErrorShape };

export const keychainErrorCodes: readonly ErrorCode[] = [
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_TIMEOUT',
  'KEYCHAIN_FAILED',
];

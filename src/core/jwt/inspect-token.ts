import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { formatDuration, formatRelative } from '../../shared/durations';
import { jwtLimits, type DecodeResult, type Diagnostic } from '../../shared/jwt-schemas';
import type { ApplicationSummary } from '../../shared/vault-schemas';
import type { ParsedToken } from './parse-token';

/** A few seconds of clock difference between machines is normal; more is worth saying. */
const clockSkewToleranceSeconds = 30;
/**
 * A time past this (the year 5138 in seconds) is milliseconds: `vonage jwt` from @vonage/cli 1.2.4
 * writes exp and iat so. Read as seconds it would be "20,759,606 days after iat".
 */
const millisecondsThreshold = 1e11;

type StoredApplication = Pick<
  ApplicationSummary,
  'id' | 'name' | 'accountName' | 'publicKeyPem' | 'fingerprint'
>;

/** Public keys parsed once per fingerprint: a token checked against every stored key stays quick. */
export function createPublicKeyCache() {
  const keys = new Map<string, KeyObject>();
  return (app: StoredApplication): KeyObject => {
    let key = keys.get(app.fingerprint);
    if (!key) {
      key = createPublicKey(app.publicKeyPem);
      keys.set(app.fingerprint, key);
    }
    return key;
  };
}

function timeInfo(unix: number, relative: (unix: number) => string) {
  return { unix, iso: new Date(unix * 1000).toISOString(), relative: relative(unix) };
}

/**
 * Everything a support engineer checks by hand on a customer's token: times, lifetime limits,
 * algorithm, required claims, and which stored application's key (if any) made the signature.
 */
export function inspectToken(
  token: ParsedToken,
  applications: readonly StoredApplication[],
  publicKeyOf: (app: StoredApplication) => KeyObject,
  now: number,
  givenKey?: KeyObject,
): DecodeResult {
  const { header, claims } = token;
  const diagnostics: Diagnostic[] = [];
  const add = (severity: Diagnostic['severity'], code: Diagnostic['code'], message: string) =>
    diagnostics.push({ severity, code, message });

  // Header
  const rs256 = header.alg === 'RS256';
  if (!rs256) {
    add(
      'error',
      'algorithm-not-rs256',
      `The header's alg is ${JSON.stringify(header.alg ?? null)}; Vonage accepts RS256 only.`,
    );
  }
  if (typeof header.typ !== 'string' || header.typ.toUpperCase() !== 'JWT') {
    add(
      'warning',
      'type-not-jwt',
      `The header's typ is ${JSON.stringify(header.typ ?? null)}; Vonage expects "JWT".`,
    );
  }

  // Required and numeric claims
  for (const name of ['application_id', 'iat', 'jti'] as const) {
    if (claims[name] === undefined) {
      add('error', 'claim-missing', `The required claim ${name} is missing.`);
    }
  }
  const times: DecodeResult['times'] = {};
  const numeric = (name: 'iat' | 'nbf' | 'exp'): number | undefined => {
    const value = claims[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      add(
        'error',
        'claim-not-a-number',
        `${name} must be a Unix time in seconds (a number); it is ${JSON.stringify(value)}.`,
      );
      return undefined;
    }
    if (Math.abs(value) >= millisecondsThreshold) {
      const seconds = Math.floor(value / 1000);
      add(
        'error',
        'time-in-milliseconds',
        `${name} looks like milliseconds (${value}, that is ${new Date(value).toISOString()}): Vonage reads seconds, so it will refuse the token. Mint it with ${name} = ${seconds}.`,
      );
      // Shown and checked as the time that was meant.
      return seconds;
    }
    return value;
  };
  const iat = numeric('iat');
  const nbf = numeric('nbf');
  const exp = numeric('exp');
  const plain = (unix: number) => formatRelative(unix, now);

  if (iat !== undefined) {
    times.iat = timeInfo(iat, plain);
    if (iat > now + clockSkewToleranceSeconds) {
      add(
        'warning',
        'issued-in-future',
        `iat is ${formatDuration(iat - now)} in the future: the clock where it was minted runs ahead of this one (or this one is behind).`,
      );
    }
  }
  if (nbf !== undefined) times.nbf = timeInfo(nbf, plain);
  if (exp !== undefined) {
    times.exp = timeInfo(exp, (unix) =>
      unix <= now
        ? `expired ${formatDuration(now - unix)} ago`
        : `in ${formatDuration(unix - now)}`,
    );
  } else if (claims.exp === undefined) {
    add(
      'info',
      'claim-missing',
      'There is no exp: Vonage treats the token as expiring 15 minutes after iat.',
    );
  }

  const expired = exp !== undefined && exp <= now;
  const notYetValid = nbf !== undefined && nbf > now;
  if (expired && exp !== undefined) {
    add(
      'error',
      'expired',
      `The token expired ${formatDuration(now - exp)} ago (${new Date(exp * 1000).toISOString()}).`,
    );
  }
  if (notYetValid && nbf !== undefined) {
    add(
      'error',
      'not-yet-valid',
      `The token is not valid until ${new Date(nbf * 1000).toISOString()} (in ${formatDuration(nbf - now)}).`,
    );
  }
  if (iat !== undefined && exp !== undefined) {
    const lifetime = exp - iat;
    if (lifetime > jwtLimits.maxTtlSeconds) {
      add(
        'error',
        'lifetime-over-24h',
        `exp is ${formatDuration(lifetime)} after iat; Vonage allows at most 24 h.`,
      );
    } else if (lifetime < jwtLimits.minTtlSeconds) {
      add(
        'warning',
        'lifetime-under-30s',
        `exp is only ${formatDuration(lifetime)} after iat; Vonage expects at least 30 s.`,
      );
    }
  }

  const signature = givenKey
    ? checkGivenKey(token, rs256, givenKey, add)
    : checkSignature(token, rs256, applications, publicKeyOf, add);
  return { header, claims, times, expired, notYetValid, signature, diagnostics };
}

function checkSignature(
  token: ParsedToken,
  rs256: boolean,
  applications: readonly StoredApplication[],
  publicKeyOf: (app: StoredApplication) => KeyObject,
  add: (severity: Diagnostic['severity'], code: Diagnostic['code'], message: string) => void,
): DecodeResult['signature'] {
  if (token.signature.length === 0) {
    add(
      'error',
      'signature-unverified',
      'The token has no signature (part 3 is empty); Vonage rejects unsigned tokens.',
    );
    return { verified: false, checkedKeys: 0 };
  }
  if (!rs256) return { verified: false, checkedKeys: 0 };

  const claimedId =
    typeof token.claims.application_id === 'string'
      ? token.claims.application_id.toLowerCase()
      : undefined;
  const named = applications.find((app) => app.id === claimedId);
  // The named application first: the usual case costs one verification.
  const candidates = named ? [named, ...applications.filter((app) => app !== named)] : applications;
  let checkedKeys = 0;
  let signer: StoredApplication | undefined;
  for (const app of candidates) {
    checkedKeys += 1;
    if (verify('RSA-SHA256', token.signingInput, publicKeyOf(app), token.signature)) {
      signer = app;
      break;
    }
  }

  const label = (app: StoredApplication) =>
    `"${app.name}" (${app.id}, account "${app.accountName}")`;
  if (signer && signer === named) {
    return { verified: true, verifiedBy: pick(signer), checkedKeys };
  }
  if (signer) {
    add(
      'error',
      'signed-by-other-application',
      `The signature was made with the key of application ${label(signer)}, but application_id is ${JSON.stringify(token.claims.application_id ?? null)}; Vonage checks the key of the application the token names.`,
    );
    return { verified: true, verifiedBy: pick(signer), checkedKeys };
  }
  if (named) {
    add(
      'error',
      'application-key-mismatch',
      `application_id names ${label(named)}, but its stored public key does not verify the signature: the token was signed with another key (was a new key pair generated in the dashboard?).`,
    );
  } else if (claimedId !== undefined) {
    add(
      'warning',
      'application-unknown',
      `Application ${claimedId} is not stored in Keydesk, so its key could not be checked.`,
    );
  }
  add(
    'error',
    'signature-unverified',
    applications.length === 0
      ? 'No application is stored in Keydesk yet, so the signature could not be checked.'
      : `The signature does not verify with any of the ${applications.length} stored application keys.`,
  );
  return { verified: false, checkedKeys };
}

/** decode --public-key: the signature against that key alone, no stored key needed. */
function checkGivenKey(
  token: ParsedToken,
  rs256: boolean,
  key: KeyObject,
  add: (severity: Diagnostic['severity'], code: Diagnostic['code'], message: string) => void,
): DecodeResult['signature'] {
  const verified =
    rs256 &&
    token.signature.length > 0 &&
    verify('RSA-SHA256', token.signingInput, key, token.signature);
  if (!verified) {
    add(
      'error',
      'signature-unverified',
      rs256
        ? 'The signature does not verify with the given public key: the token was signed with another private key, or altered.'
        : 'The signature cannot be checked with an RSA public key: the token is not RS256.',
    );
  }
  return { verified, checkedKeys: 1, givenKey: true };
}

function pick(app: StoredApplication) {
  return { id: app.id, name: app.name, accountName: app.accountName };
}

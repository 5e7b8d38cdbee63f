import { randomUUID } from 'node:crypto';
import { aclForPreset, type Acl, type AclChoice } from '../../shared/acl';
import { formatDuration } from '../../shared/durations';
import { KeydeskError } from '../../shared/errors';
import { jwtLimits, type JwtDefaults } from '../../shared/jwt-schemas';
import type { Settings } from '../../shared/settings-schemas';
import { aclHash } from './acl-hash';

/** What a mint asks for; anything left out falls back to the application's defaults, then settings. */
export interface MintRequest {
  ttlSeconds?: number;
  nbfOffsetSeconds?: number;
  /** nbf as a Unix time, kept exactly; instead of an offset. */
  nbfAt?: number;
  /** null: no sub even if the application has a default one. */
  sub?: string | null;
  acl?: AclChoice;
  claims?: Record<string, unknown>;
}

export interface MintPlan {
  ttlSeconds: number;
  nbfOffsetSeconds?: number;
  /** The nbf asked for as a time: the claim is exactly this. */
  nbfAt?: number;
  sub?: string;
  acl?: Acl;
  aclLabel: 'client-sdk' | 'none' | 'custom';
  aclHash?: string;
  custom: Record<string, unknown>;
}

export function planMint(
  request: MintRequest,
  defaults: JwtDefaults,
  settings: Settings,
  nowSeconds = Math.floor(Date.now() / 1000),
): MintPlan {
  const ttlSeconds = request.ttlSeconds ?? defaults.ttlSeconds ?? settings.defaultTtlSeconds;
  const sub = request.sub === null ? undefined : (request.sub ?? defaults.sub);
  const choice = request.acl ??
    defaults.acl ?? { kind: 'preset' as const, preset: settings.defaultAclPreset };
  const field = request.nbfAt === undefined ? 'nbfOffsetSeconds' : 'nbfAt';
  const nbf = request.nbfAt === undefined ? request.nbfOffsetSeconds : request.nbfAt - nowSeconds;
  if (nbf !== undefined && Math.abs(nbf) > jwtLimits.maxNbfOffsetSeconds) {
    throw new KeydeskError(
      'VALIDATION',
      `nbf (${describeOffset(nbf)}) is more than 24 hours away; Vonage's tokens live at most a day.`,
      field,
    );
  }
  if (nbf !== undefined && nbf >= ttlSeconds) {
    throw new KeydeskError(
      'VALIDATION',
      `nbf (${describeOffset(nbf)}) is not before exp (in ${formatDuration(ttlSeconds)}): the token would never be valid. Use a smaller nbf or a longer TTL.`,
      field,
    );
  }
  const acl = choice.kind === 'custom' ? choice.acl : aclForPreset(choice.preset);
  return {
    ttlSeconds,
    nbfOffsetSeconds: nbf,
    ...(request.nbfAt === undefined ? {} : { nbfAt: request.nbfAt }),
    sub,
    acl,
    aclLabel: choice.kind === 'custom' ? 'custom' : choice.preset,
    aclHash: choice.kind === 'custom' ? aclHash(choice.acl) : undefined,
    custom: request.claims ?? {},
  };
}

function describeOffset(seconds: number): string {
  if (seconds === 0) return 'now';
  return seconds > 0 ? `in ${formatDuration(seconds)}` : `${formatDuration(seconds)} ago`;
}

/** Vonage's claims in a fixed order (easier to read when decoded), then the custom ones. */
export function buildClaims(applicationId: string, plan: MintPlan, iat: number) {
  const claims: Record<string, unknown> = { application_id: applicationId, iat };
  if (plan.nbfAt !== undefined) claims.nbf = plan.nbfAt;
  else if (plan.nbfOffsetSeconds !== undefined) claims.nbf = iat + plan.nbfOffsetSeconds;
  claims.exp = iat + plan.ttlSeconds;
  claims.jti = randomUUID();
  if (plan.sub !== undefined) claims.sub = plan.sub;
  if (plan.acl !== undefined) claims.acl = plan.acl;
  // The contract already refuses reserved names; this keeps them Keydesk's even if it did not.
  for (const [name, value] of Object.entries(plan.custom)) {
    if (!Object.hasOwn(claims, name)) claims[name] = value;
  }
  return claims as Record<string, unknown> & { jti: string; exp: number; nbf?: number };
}

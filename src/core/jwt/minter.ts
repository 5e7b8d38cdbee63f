import type { MintResult } from '../../shared/jwt-schemas';
import type { Settings } from '../../shared/settings-schemas';
import type { Vault } from '../vault/vault';
import { buildClaims, planMint, type MintPlan, type MintRequest } from './mint-plan';
import { signRs256 } from './sign-rs256';
import type { SigningKeyCache } from './signing-key-cache';

export interface MinterDeps {
  vault: Vault;
  keys: SigningKeyCache;
  settings: () => Settings;
  now: () => Date;
}

/** Mints Vonage JWTs for stored applications with their cached keys. */
export function createMinter({ vault, keys, settings, now }: MinterDeps) {
  return async function mint(
    request: MintRequest & { applicationId: string },
  ): Promise<MintResult & { plan: MintPlan }> {
    const app = vault.applications.get(request.applicationId);
    const plan = planMint(request, app.jwtDefaults, settings(), Math.floor(now().getTime() / 1000));
    const key = await keys.keyFor(app);
    const iat = Math.floor(now().getTime() / 1000);
    const claims = buildClaims(app.id, plan, iat);
    return {
      token: signRs256(claims, key),
      header: { alg: 'RS256', typ: 'JWT' },
      claims,
      applicationId: app.id,
      applicationName: app.name,
      accountId: app.accountId,
      accountName: app.accountName,
      jti: claims.jti,
      iat,
      exp: claims.exp,
      ...(claims.nbf === undefined ? {} : { nbf: claims.nbf }),
      ttlSeconds: plan.ttlSeconds,
      acl: plan.aclLabel,
      plan,
    };
  };
}

export type Minter = ReturnType<typeof createMinter>;

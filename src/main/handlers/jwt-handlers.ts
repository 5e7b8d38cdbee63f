import { formatDuration } from '../../shared/durations';
import type { MintResult } from '../../shared/jwt-schemas';
import type { EventDraft } from '../history/audit';
import type { MintPlan } from '../jwt/mint-plan';
import { inspectToken } from '../jwt/inspect-token';
import { parseToken } from '../jwt/parse-token';
import type { Services } from '../services';
import { eventSubjects } from './event-subjects';
import type { HandlersOf } from './handler-types';

/** Minting (audited, with the facts of the token but never the token) and decoding. */
export function jwtHandlers(services: Services): HandlersOf<'jwt:mint' | 'jwt:decode'> {
  const { vault, audit } = services;
  const subjects = eventSubjects(services);
  return {
    'jwt:mint': ({ applicationId, ...request }) =>
      audit
        .track(
          { action: 'mint', summary: 'Minted a JWT', ...subjects.application(applicationId) },
          async () => {
            const { plan, ...result } = await services.mint({ applicationId, ...request });
            return { result, plan };
          },
          ({ result, plan }) => describeMint(result, plan),
        )
        .then(({ result }) => result),
    'jwt:decode': ({ token }) => {
      const now = Math.floor(services.now().getTime() / 1000);
      return inspectToken(parseToken(token), vault.applications.list(), services.publicKeyOf, now);
    },
  };
}

/** What the history keeps of a mint: enough to find the token again by jti, never the token. */
function describeMint(result: MintResult, plan: MintPlan): Partial<EventDraft> {
  const claimNames = Object.keys(plan.custom);
  return {
    summary: `Minted a JWT (ttl ${formatDuration(plan.ttlSeconds)}${plan.sub ? `, sub ${plan.sub}` : ''}, ACL ${plan.aclLabel})`,
    details: {
      jti: result.jti,
      exp: result.exp,
      ttlSeconds: plan.ttlSeconds,
      acl: plan.aclLabel,
      ...(plan.sub === undefined ? {} : { sub: plan.sub }),
      ...(plan.aclHash === undefined ? {} : { aclHash: plan.aclHash }),
      ...(claimNames.length ? { customClaims: claimNames } : {}),
    },
  };
}

import { formatDuration } from '../../shared/durations';
import type { MintResult } from '../../shared/jwt-schemas';
import type { EventDraft } from '../history/audit';
import type { MintPlan } from '../jwt/mint-plan';
import { inspectToken } from '../jwt/inspect-token';
import { parseToken } from '../jwt/parse-token';
import type { ParsedInput } from '../../shared/contract';
import { parsePublicKey } from '../keys/parse-public-key';
import type { Services } from '../services';
import { eventSubjects } from './event-subjects';
import type { HandlersOf } from './handler-types';

/**
 * A mint recorded in the history (with the facts of the token, never the token), remembered as the
 * application's last token so the app can copy it again in another form.
 */
export async function mintAudited(
  services: Services,
  input: ParsedInput<'jwt:mint'>,
): Promise<MintResult> {
  const { applicationId, ...request } = input;
  const { result } = await services.audit.track(
    {
      action: 'mint',
      summary: 'Minted a JWT',
      ...eventSubjects(services).application(applicationId),
    },
    async () => {
      const { plan, ...minted } = await services.mint({ applicationId, ...request });
      return { result: minted, plan };
    },
    ({ result: minted, plan }) => describeMint(minted, plan),
  );
  services.lastTokens.set(result.applicationId, { token: result.token, exp: result.exp });
  return result;
}

/** Minting and decoding. */
export function jwtHandlers(services: Services): HandlersOf<'jwt:mint' | 'jwt:decode'> {
  const { vault } = services;
  return {
    'jwt:mint': (input) => mintAudited(services, input),
    'jwt:decode': ({ token, publicKeyPem }) => {
      const now = Math.floor(services.now().getTime() / 1000);
      const givenKey = publicKeyPem === undefined ? undefined : parsePublicKey(publicKeyPem);
      const parsed = parseToken(token);
      return givenKey
        ? inspectToken(parsed, [], services.publicKeyOf, now, givenKey)
        : inspectToken(parsed, vault.applications.list(), services.publicKeyOf, now);
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

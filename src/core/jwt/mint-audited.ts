import { formatDuration } from '../../shared/durations';
import type { ParsedInput } from '../../shared/contract';
import type { MintResult } from '../../shared/jwt-schemas';
import type { Audit, EventDraft } from '../history/audit';
import { eventSubjects } from '../history/event-subjects';
import type { Vault } from '../vault/vault';
import type { Minter } from './minter';
import type { MintPlan } from './mint-plan';

/** What an audited mint needs: the minter, the history, the vault's names, the last tokens. */
export interface MintAuditedDeps {
  vault: Vault;
  audit: Audit;
  mint: Minter;
  lastTokens: Map<string, { token: string; exp: number }>;
}

/**
 * A mint recorded in the history (with the facts of the token, never the token), remembered as the
 * application's last token so the app can copy it again in another form.
 */
export async function mintAudited(
  services: MintAuditedDeps,
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

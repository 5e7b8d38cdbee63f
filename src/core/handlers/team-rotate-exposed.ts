import type { Services } from '../services';
import { vonageClientFor } from './vonage-client-for';
import { askedVonage } from './asked-vonage';
import { rotateKey } from '../vonage/key-changes';
import { rotateSecret } from '../vonage/secret-rotation';

/** One secret a removed member could read, and what became of it. */
export interface ExposedSecret {
  account: string;
  apiKey: string;
  what: string;
  rotated: 'yes' | 'no' | 'failed' | 'not in this vault';
  message?: string;
}

export interface Exposure {
  account: string;
  apiKey: string;
  accountId: string | null;
  applications: { id: string; name: string }[];
}

/** The person said yes once, to the removal with rotation: each rotation goes on without asking. */
const alreadyConfirmed = () => Promise.resolve();

/**
 * Every API secret and application key a removed member could read, each rotated through Vonage
 * when `rotate` (secrets as `keydesk accounts rotate-secret` does, the old one revoked; keys as
 * `keydesk apps rotate-key`). One that fails is said and the rest go on: a removal is not undone
 * because Vonage refused one account.
 */
export async function rotateExposed(
  services: Services,
  exposure: readonly Exposure[],
  rotate: boolean,
): Promise<ExposedSecret[]> {
  const outcomes: ExposedSecret[] = [];
  for (const shared of exposure) {
    const items = [
      { what: 'API secret', run: 'secret' as const, id: shared.accountId ?? '' },
      ...shared.applications.map((a) => ({
        what: `key of application "${a.name}" (${a.id})`,
        run: 'key' as const,
        id: a.id,
      })),
    ];
    for (const item of items) {
      const base = { account: shared.account, apiKey: shared.apiKey, what: item.what };
      if (!rotate) {
        outcomes.push({ ...base, rotated: 'no' });
        continue;
      }
      const account = shared.accountId ? services.vault.accounts.find(shared.accountId) : undefined;
      if (!account || (item.run === 'key' && !services.vault.applications.find(item.id))) {
        outcomes.push({ ...base, rotated: 'not in this vault' });
        continue;
      }
      try {
        const message = await askedVonage(async () =>
          item.run === 'secret'
            ? (
                await rotateSecret(
                  { vault: services.vault, client: vonageClientFor(services) },
                  account,
                  { confirm: alreadyConfirmed },
                )
              ).message
            : (await rotateKey(services, item.id, alreadyConfirmed)).message,
        );
        outcomes.push({ ...base, rotated: 'yes', message });
      } catch (error) {
        outcomes.push({ ...base, rotated: 'failed', message: (error as Error).message });
      }
    }
  }
  return outcomes;
}

import { subaccountListSchema, subaccountStoredSchema, subaccountsInputs } from './secret-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** A primary account's subaccounts. The `subaccounts:` slice of the contract (contract.ts). */
export const subaccountsChannels = {
  /** Vonage's subaccounts of a primary, each marked with its stored account. */
  'subaccounts:list': { input: subaccountsInputs.list, output: subaccountListSchema },
  /** A new subaccount, stored at once with the secret Vonage returns (the only time it does). */
  'subaccounts:create': { input: subaccountsInputs.create, output: subaccountStoredSchema },
  /** A subaccount into the vault: its secret checked with Vonage, or a new one added for it. */
  'subaccounts:import': { input: subaccountsInputs.import, output: subaccountStoredSchema },
} as const satisfies ChannelSchemas;

import {
  credentialEnvironmentInputSchema,
  credentialEnvironmentOutputSchema,
} from './credential-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** A script's environment: the credentials of an application or account. The `credentials:` slice of the contract (contract.ts). */
export const credentialsChannels = {
  /**
   * The credentials of an application (with its account's) or an account as the environment
   * variables a script reads, for `keydesk exec` and `keydesk env`; a fresh JWT for an application.
   */
  'credentials:environment': {
    input: credentialEnvironmentInputSchema,
    output: credentialEnvironmentOutputSchema,
  },
} as const satisfies ChannelSchemas;

import * as z from 'zod';
import { doctorReportSchema } from './doctor-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** The vault against the keychain, repaired where it safely can be. The `doctor:` slice of the contract (contract.ts). */
export const doctorChannels = {
  'doctor:run': {
    input: z.strictObject({ fix: z.boolean() }),
    output: doctorReportSchema,
  },
} as const satisfies ChannelSchemas;

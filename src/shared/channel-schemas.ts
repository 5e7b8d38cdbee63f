import type * as z from 'zod';

/**
 * What every channel of a contract slice carries (contract.ts): its input and output schemas
 * (whether its answer reveals a secret is in channels.ts). In a file of its own, so the slices
 * need not import the contract that imports them.
 */
export type ChannelSchemas = Record<string, { input: z.ZodType; output: z.ZodType }>;

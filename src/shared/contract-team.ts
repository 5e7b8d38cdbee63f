import * as z from 'zod';
import type { ChannelSchemas } from './channel-schemas';

const memberSchema = z.object({ name: z.string(), recipient: z.string() });
const folderInput = z
  .string()
  .min(1, 'Name the team folder.')
  .max(4096, 'That folder path is longer than any folder can be.');
const memberName = z
  .string()
  .min(1, 'Name the member.')
  .max(64, 'A member name has at most 64 characters.');

/** A team of engineers sharing customers' credentials (issue 32). The `team:` slice (contract.ts). */
export const teamChannels = {
  'team:identity': {
    input: z.strictObject({}),
    output: z.object({
      /** The age recipient to give the team: files sealed to it open with this engineer's identity. */
      recipient: z.string(),
      createdAt: z.string(),
      /** Made by this call (else it was there already). */
      created: z.boolean(),
    }),
  },
  'team:init': {
    input: z.strictObject({ folder: folderInput, name: memberName }),
    output: z.object({ folder: z.string(), members: z.array(memberSchema) }),
  },
  'team:join': {
    input: z.strictObject({
      repo: z
        .string()
        .min(1, 'Name the team repository (a URL or a path git can clone).')
        .max(4096),
      folder: folderInput,
    }),
    output: z.object({
      folder: z.string(),
      member: z.string(),
      added: z.array(z.string()),
      kept: z.array(z.string()),
    }),
  },
  'team:log': {
    input: z.strictObject({
      limit: z
        .number()
        .int()
        .min(1, 'Show at least 1 change.')
        .max(10_000, 'At most 10,000 changes.')
        .default(50),
    }),
    output: z.array(
      z.object({ commit: z.string(), author: z.string(), at: z.string(), summary: z.string() }),
    ),
  },
  'team:members': {
    input: z.strictObject({}),
    output: z.object({ folder: z.string(), members: z.array(memberSchema) }),
  },
  'team:addMember': {
    input: z.strictObject({
      name: memberName,
      recipient: z.string().min(1, "Give the member's age recipient (age1…).").max(200),
    }),
    output: z.object({ members: z.array(memberSchema), resealed: z.number().int() }),
  },
  'team:share': {
    input: z.strictObject({ accountId: z.string().min(1).max(64) }),
    output: z.object({
      account: z.string(),
      files: z.array(z.string()),
      members: z.number().int(),
    }),
  },
} as const satisfies ChannelSchemas;

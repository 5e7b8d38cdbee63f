import * as z from 'zod';
import type { ChannelSchemas } from './channel-schemas';

const memberSchema = z.object({ name: z.string(), recipient: z.string() });
const commitSchema = z.object({ commit: z.string(), author: z.string(), summary: z.string() });
const accountRefs = z.array(z.string().min(1, 'Name the account.').max(200)).max(1_000).default([]);
const conflictSchema = z.object({
  account: z.string(),
  /** A commit of this folder, or 'this vault' for a change not yet committed. */
  mine: z.union([commitSchema, z.literal('this vault')]),
  theirs: commitSchema.optional(),
});
const syncResultSchema = z.object({
  folder: z.string(),
  upstream: z.string().nullable(),
  sent: z.array(z.string()),
  received: z.array(z.string()),
  added: z.array(z.string()),
  unshared: z.array(z.string()),
  conflicts: z.array(conflictSchema),
  pushed: z.number().int(),
  putBack: z.boolean(),
});
const lastSyncSchema = z.object({
  at: z.string(),
  outcome: z.union([
    z.object({ ok: z.literal(true), conflicts: z.array(conflictSchema) }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]),
});
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
  'team:unshare': {
    input: z.strictObject({ accountId: z.string().min(1).max(64) }),
    output: z.object({ account: z.string() }),
  },
  'team:sync': {
    input: z.strictObject({
      /** Accounts (names or ids) whose conflict this vault's side settles, or the team's. */
      mine: accountRefs,
      theirs: accountRefs,
    }),
    output: syncResultSchema,
  },
  'team:removeMember': {
    input: z.strictObject({ name: memberName, rotate: z.boolean().default(false) }),
    output: z.object({
      members: z.array(memberSchema),
      resealed: z.number().int(),
      /** What the member could read, each with whether it was rotated (with --rotate). */
      exposed: z.array(
        z.object({
          account: z.string(),
          apiKey: z.string(),
          what: z.string(),
          rotated: z.enum(['yes', 'no', 'failed', 'not in this vault']),
          message: z.string().optional(),
        }),
      ),
      sync: z.union([syncResultSchema, z.object({ error: z.string() })]).nullable(),
    }),
  },
  'team:status': {
    input: z.strictObject({}),
    output: z.union([
      z.object({ joined: z.literal(false) }),
      z.object({
        joined: z.literal(true),
        folder: z.string(),
        member: z.string(),
        members: z.array(memberSchema),
        upstream: z.string().nullable(),
        shared: z.number().int(),
        lastSync: lastSyncSchema.nullable(),
      }),
    ]),
  },
} as const satisfies ChannelSchemas;

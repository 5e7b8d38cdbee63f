import * as z from 'zod';
import { innermostIssue } from './zod-issues';

/**
 * Vonage Client SDK access control lists. The preset grants the SDK's paths in both the versioned
 * form older SDKs request (`/v1/users/**`) and the version-wildcard form current SDKs request
 * (`/*\/users/**`), so one token works with either.
 */
const clientSdkResources = [
  ['v1', 'users'],
  ['v1', 'conversations'],
  ['v1', 'sessions'],
  ['v1', 'devices'],
  ['v1', 'image'],
  ['v3', 'media'],
  ['v1', 'applications'],
  ['v1', 'push'],
  ['v1', 'knocking'],
] as const;

import { aclPresetNames, type AclPresetName } from './presets';
export { aclPresetNames, type AclPresetName } from './presets';

export const aclMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const aclPathSchema = z
  .string()
  .min(1, 'An ACL path cannot be empty.')
  .max(500, 'An ACL path can be at most 500 characters.')
  .startsWith('/', 'Each ACL path starts with "/", such as "/*/users/**".');

/** The ACL claim's shape: {"paths": {"/v1/users/**": {"methods"?: [...], "filters"?: {...}}}}. */
export const aclSchema = z.strictObject(
  {
    paths: z.record(
      aclPathSchema,
      z.strictObject(
        {
          methods: z
            .array(
              z.enum(aclMethods, {
                error: `ACL methods are ${aclMethods.join(', ')} (upper case).`,
              }),
              { error: 'ACL "methods" is a list, such as ["GET", "POST"].' },
            )
            .optional(),
          filters: z
            .record(z.string(), z.unknown(), {
              error: 'ACL "filters" is an object, such as {"name": "alice"}.',
            })
            .optional(),
        },
        { error: 'Each ACL path maps to an object with optional "methods" and "filters".' },
      ),
      { error: 'ACL "paths" is an object of path → rules, such as {"/*/users/**": {}}.' },
    ),
  },
  { error: 'An ACL is an object with one key, "paths".' },
);
export type Acl = z.infer<typeof aclSchema>;

export function aclForPreset(preset: AclPresetName): Acl | undefined {
  if (preset === 'none') return undefined;
  const paths: Acl['paths'] = {};
  for (const [version, resource] of clientSdkResources) paths[`/${version}/${resource}/**`] = {};
  for (const [, resource] of clientSdkResources) paths[`/*/${resource}/**`] = {};
  return { paths };
}

/** Which ACL a token gets: a named preset, or a custom ACL someone wrote. */
export const aclChoiceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('preset'),
      preset: z.enum(aclPresetNames, {
        error: `The ACL presets are ${aclPresetNames.join(' and ')}.`,
      }),
    }),
    z.strictObject({ kind: z.literal('custom'), acl: aclSchema }),
  ],
  { error: 'Choose an ACL preset or give a custom ACL.' },
);
export type AclChoice = z.infer<typeof aclChoiceSchema>;

export type AclParseResult = { ok: true; acl: Acl } | { ok: false; message: string };

/**
 * ACL JSON as typed in the CLI or the editor: a syntax error names its position, a shape error
 * names the exact place (`paths["/v1/users/**"].methods[0]`), so the fix is obvious.
 */
export function parseAclJson(text: string): AclParseResult {
  if (text.length > 64 * 1024) {
    return { ok: false, message: 'The ACL is larger than 64 KiB; check what was pasted.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The ACL is not valid JSON: ${(error as Error).message}.` };
  }
  const parsed = aclSchema.safeParse(value);
  if (parsed.success) return { ok: true, acl: parsed.data };
  const issue = innermostIssue(parsed.error.issues[0]);
  const where = issue ? describePath(issue.path) : '';
  return {
    ok: false,
    message: `${where ? `At ${where}: ` : ''}${issue?.message ?? 'Invalid ACL.'}`,
  };
}

/** `paths["/v1/users/**"].methods[0]`: a JSON path a person can find in what they typed. */
export function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = String(part);
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

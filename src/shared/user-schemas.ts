import * as z from 'zod';
import { invisibleMarks } from './invisible-marks';
import { capabilityNames, type CapabilityName } from './presets';
import {
  applicationIdSchema,
  applicationNameSchema,
  applicationSummarySchema,
} from './vault-schemas';

/**
 * Client SDK users of an application (Vonage's Users API, /v1/users) and applications created on
 * Vonage. Zod schemas for the `users:` slice and `vonage:createApplication`.
 */

/** Vonage's own rule is "a unique name"; Keydesk keeps it to what a `sub` claim carries well. */
export const userNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the user\'s name (the "sub" of their tokens), such as alice.')
  .max(200, "A user's name can be at most 200 characters.")
  .regex(/^\P{Cc}*$/u, "A user's name cannot contain line breaks or control characters.")
  .regex(
    new RegExp(`^[^${invisibleMarks}]*$`, 'u'),
    "A user's name cannot contain direction marks or invisible characters.",
  );

export const displayNameSchema = z
  .string()
  .trim()
  .max(200, 'A display name can be at most 200 characters.')
  .regex(/^\P{Cc}*$/u, 'A display name cannot contain line breaks or control characters.');

/** A user named by its name or its USR- id, as `users show` and the API's GET take either. */
export const userRefSchema = z
  .string()
  .trim()
  .min(1, 'Name the user (their name or USR- id).')
  .max(200, 'A user is named in at most 200 characters.');

const appRef = {
  app: z.string().trim().min(1, 'Name the application.').max(200),
  /** Only the applications of this account (name or id). */
  account: z.string().trim().min(1, 'Name the account.').max(200).optional(),
};
export const appRefSchema = z.strictObject(appRef);

/** A user as Keydesk shows one; `host` is the data centre its `_links.self.href` names. */
export const vonageUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().optional(),
  host: z.string().optional(),
  /** Vonage's region name for that host (eu-west …), when it is one Keydesk knows. */
  region: z.string().optional(),
});
export type VonageUser = z.infer<typeof vonageUserSchema>;

const whoseUsers = z.object({ applicationId: z.string(), applicationName: z.string() });

export const userListSchema = whoseUsers.extend({ users: z.array(vonageUserSchema) });
export const userAnswerSchema = whoseUsers.extend({ user: vonageUserSchema });

export const usersInputs = {
  list: z.strictObject({
    ...appRef,
    /** Only users whose name is this (Vonage's own filter). */
    name: userNameSchema.optional(),
  }),
  add: z.strictObject({
    ...appRef,
    name: userNameSchema,
    displayName: displayNameSchema.optional(),
  }),
  get: z.strictObject({ ...appRef, user: userRefSchema }),
  remove: z.strictObject({ ...appRef, user: userRefSchema }),
  checkToken: z.strictObject({ token: z.string().trim().min(1).max(16_384) }),
};

/** What `decode --check-user` and the Decode view learn of a token's `sub`. */
export const subjectCheckSchema = z.discriminatedUnion('state', [
  /** Vonage has a user of that name in the token's application. */
  z.object({
    state: z.literal('user'),
    sub: z.string(),
    applicationId: z.string(),
    applicationName: z.string(),
    user: vonageUserSchema,
    message: z.string(),
  }),
  /** Vonage has no such user: a Client SDK login with the token fails. */
  z.object({
    state: z.literal('no-user'),
    sub: z.string(),
    applicationId: z.string(),
    applicationName: z.string(),
    closest: z.array(z.string()),
    message: z.string(),
  }),
  /** Nothing to ask: no sub, no application_id, or an application Keydesk does not hold. */
  z.object({ state: z.literal('cannot-check'), message: z.string() }),
]);
export type SubjectCheck = z.infer<typeof subjectCheckSchema>;

export { capabilityNames, type CapabilityName };

const webhookUrlSchema = (what: string) =>
  z
    .string()
    .trim()
    .max(2048, `${what} can be at most 2,048 characters.`)
    .refine((text) => {
      try {
        const url = new URL(text);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, `${what} must be a full http(s) URL, such as https://example.com/webhooks/answer.`);

export const createApplicationInputSchema = z.strictObject({
  account: z.string().trim().min(1, 'Name the account.').max(200),
  name: applicationNameSchema,
  capabilities: z
    .array(
      z.enum(capabilityNames, {
        error: `A capability is one of ${capabilityNames.join(', ')}.`,
      }),
    )
    .min(1, 'Choose at least one capability (rtc for the Client SDK).')
    .max(capabilityNames.length)
    .refine((list) => new Set(list).size === list.length, 'Name each capability once.'),
  /** Voice: where Vonage asks what to do with a call. */
  answerUrl: webhookUrlSchema('The answer URL').optional(),
  /** Voice and rtc: where Vonage sends events. */
  eventUrl: webhookUrlSchema('The event URL').optional(),
});

export const createdApplicationSchema = z.object({
  application: applicationSummarySchema,
  capabilities: z.array(z.string()),
  message: z.string(),
});

export { applicationIdSchema };

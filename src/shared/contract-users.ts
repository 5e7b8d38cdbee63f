import { subjectCheckSchema, userAnswerSchema, userListSchema, usersInputs } from './user-schemas';
import type { ChannelSchemas } from './channel-schemas';

/**
 * An application's Client SDK users, on Vonage (the Users API, asked with a token of the
 * application itself). The `users:` slice of the contract (contract.ts).
 */
export const usersChannels = {
  /** Every user of the application, every page followed. */
  'users:list': { input: usersInputs.list, output: userListSchema },
  /** A new user; a name already taken is refused by Vonage and said so. */
  'users:add': { input: usersInputs.add, output: userAnswerSchema },
  /** One user by name or USR- id; an unknown one fails with the closest names. */
  'users:get': { input: usersInputs.get, output: userAnswerSchema },
  /** Deletes the user on Vonage, once main (or the terminal) confirmed it. */
  'users:remove': { input: usersInputs.remove, output: userAnswerSchema },
  /** Whether a token's `sub` is a user of its application (when that application is stored). */
  'users:checkToken': { input: usersInputs.checkToken, output: subjectCheckSchema },
} as const satisfies ChannelSchemas;

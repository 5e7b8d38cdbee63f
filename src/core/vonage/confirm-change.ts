import type { Confirmation } from '../confirmation';

/** Asks the person to confirm a change at Vonage (confirmation.ts); throws when they decline. */
export type ConfirmChange = (question: Confirmation, declined: string) => Promise<void>;

import type { WebhookSignatureMethod } from '../../shared/webhook-methods';

/** An account as the webhook checks see it: its key, its method and its signature secret. */
export interface SigningAccount {
  id: string;
  name: string;
  apiKey: string;
  method: WebhookSignatureMethod;
  /** Null when the account has none stored. */
  secret: string | null;
}

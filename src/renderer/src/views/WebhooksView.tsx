import { WebhookSignPanel } from './WebhookSignPanel';
import { WebhookVerifyPanel } from './WebhookVerifyPanel';

/**
 * "Vonage says my webhook signature is invalid": paste what the customer received and see why;
 * or sign a test webhook for their verifier.
 */
export function WebhooksView() {
  return (
    <div className="stack">
      <h1>Webhook signatures</h1>
      <WebhookVerifyPanel />
      <WebhookSignPanel />
    </div>
  );
}

import { useChannel } from '../data/channel-data';
import type { Route } from '../route';

/** The empty state that teaches the first steps; later, a short pointer to the sidebar. */
export function WelcomeView(props: { navigate: (route: Route) => void }) {
  const count = useChannel('accounts:list', {}).data?.length;
  if (count === undefined) return null;
  if (count > 0) {
    return (
      <section className="empty">
        <h1>Pick an account</h1>
        <p>Choose a customer account on the left, or press Ctrl K to jump or copy a JWT.</p>
      </section>
    );
  }
  return (
    <section className="empty">
      <h1>Welcome to Keydesk</h1>
      <p>
        Keep each customer's Vonage credentials in your OS keychain and mint a JWT in one click.
      </p>
      <ol className="steps">
        <li>Add the customer's account: its API key and secret (from the dashboard's Settings).</li>
        <li>
          Add an application: its id and private key (paste it, drop the file, or generate one).
        </li>
        <li>Press Copy JWT. The token is on your clipboard; Keydesk clears it after 30 seconds.</li>
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => props.navigate({ view: 'new-account' })}
        >
          Add an account
        </button>
        <button type="button" className="button" onClick={() => props.navigate({ view: 'import' })}>
          Import .nexmorc or .nexmo-app
        </button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { CheckWithVonage } from '../components/CheckWithVonage';
import { KeyInput } from '../components/KeyInput';
import { useCopy } from '../components/useCopy';
import { useToast } from '../components/toasts';
import { useAction } from '../components/useAction';

type Application = ChannelOutput<'apps:get'>;

/** The application's key: its fingerprint and public half, a pending change, replace or rotate. */
export function ApplicationKey(props: { app: Application; onKeyChanged: () => void }) {
  const { app } = props;
  const [newKey, setNewKey] = useState('');
  const copy = useCopy();
  const toast = useToast();
  const replace = useAction('apps:replaceKey');
  const rotation = useAction('vonage:rotateKey');

  async function replaceKey(generate: boolean) {
    const key = generate
      ? ({ kind: 'generate' } as const)
      : ({ kind: 'pem', pem: newKey } as const);
    if (!(await replace.run({ id: app.id, key }))) return;
    setNewKey('');
    props.onKeyChanged();
    toast(
      generate
        ? 'New key pair generated: paste its public key into the dashboard.'
        : 'Private key replaced.',
    );
  }

  /** Main confirms a rotation in its own dialog, naming the application and account. */
  async function rotate() {
    const change = await rotation.run({ app: app.id });
    if (!change) return;
    props.onKeyChanged();
    toast(change.message);
  }

  return (
    <>
      <h2>Key</h2>
      {app.pendingKey ? (
        <p className="banner banner--warning" role="alert">
          A new key for this application was on its way to Vonage when Keydesk stopped (
          {app.pendingKey.operation === 'rotate' ? 'a key rotation' : 'an add with upload'}, since{' '}
          {app.pendingKey.since}). Run <code>keydesk doctor --fix</code>: it asks Vonage which key
          it has and finishes or undoes the change.
        </p>
      ) : null}
      <CheckWithVonage id={app.id} what="application" />
      <dl className="facts">
        <dt>Fingerprint</dt>
        <dd>
          <code>{app.fingerprint}</code> (RSA-{app.keyBits})
        </dd>
        <dt>Public key</dt>
        <dd>
          <button
            type="button"
            className="button button--small"
            onClick={() => void copy({ what: 'publicKey', applicationId: app.id })}
          >
            Copy public key
          </button>
        </dd>
      </dl>
      <details className="subform">
        <summary>
          Show the public key (paste it into the dashboard after generating a key pair)
        </summary>
        <pre className="code" data-testid="public-key">
          {app.publicKeyPem}
        </pre>
      </details>
      <details className="subform">
        <summary>Replace the key</summary>
        <KeyInput id="replace-key" value={newKey} onChange={setNewKey} />
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={!newKey.trim()}
            onClick={() => void replaceKey(false)}
          >
            Use this key
          </button>
          <button type="button" className="button" onClick={() => void replaceKey(true)}>
            Generate a new key pair
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={rotation.pending}
            onClick={() => void rotate()}
          >
            Rotate with Vonage
          </button>
        </div>
        <p className="muted">
          Rotate with Vonage makes a new key pair and writes its public half to the dashboard
          itself; the other two only change what Keydesk stores.
        </p>
      </details>
    </>
  );
}

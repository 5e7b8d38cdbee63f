import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { tokenFormats } from '../../../shared/presets';
import { formatDuration } from '../../../shared/durations';
import { clipboardClearsText } from '../components/copy';
import { Countdown } from '../components/Countdown';
import { CheckWithVonage } from '../components/CheckWithVonage';
import { CopyEnvironmentButtons } from '../components/CopyEnvironmentButtons';
import { KeyInput } from '../components/KeyInput';
import { TokenTimes } from '../components/TokenTimes';
import { useCopy } from '../components/useCopy';
import { useConfirm } from '../components/confirm';
import { useToast } from '../components/toasts';
import { send, useChannel } from '../data/channel-data';
import type { Route } from '../route';
import {
  builderToMint,
  initialBuilder,
  JwtBuilder,
  useAclParser,
  type BuilderState,
} from './JwtBuilder';

type LastMint = NonNullable<ChannelOutput<'clipboard:copy'>['mint']>;

export function ApplicationView(props: {
  applicationId: string;
  navigate: (route: Route) => void;
}) {
  const { data: app, error } = useChannel('apps:get', { id: props.applicationId });
  // An empty lifetime means the application's default, else the one in the settings.
  const settingsTtl = useChannel('settings:get', {}).data?.defaultTtlSeconds;
  const [builder, setBuilder] = useState<BuilderState>(initialBuilder);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [last, setLast] = useState<LastMint | null>(null);
  const [newKey, setNewKey] = useState('');
  const copy = useCopy();
  const toast = useToast();
  const confirm = useConfirm();
  const parseAcl = useAclParser(builder.acl === 'custom');

  if (error)
    return (
      <p className="field__error" role="alert">
        {error.message}
      </p>
    );
  if (!app) return null;

  const defaults = app.jwtDefaults;
  const ttl = defaults.ttlSeconds ?? settingsTtl;
  const defaultsLabel = `defaults: ${ttl === undefined ? '…' : formatDuration(ttl)}${defaults.sub ? `, sub ${defaults.sub}` : ''}${defaults.acl ? `, ACL ${defaults.acl.kind === 'preset' ? defaults.acl.preset : 'custom'}` : ''}`;

  async function copyJwt() {
    const { options, errors } = builderToMint(builder, parseAcl);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await send('clipboard:copy', {
      what: 'jwt',
      format: 'raw',
      mint: { applicationId: props.applicationId, ...options },
    });
    if (!result.ok) {
      const field = result.error.field?.replace(/^mint\./, '') ?? '_form';
      setFieldErrors({ [field.split('.')[0] ?? field]: result.error.message });
      return toast(result.error.message, 'error');
    }
    const { mint, clearsAt } = result.value;
    if (mint) setLast(mint);
    toast(
      `JWT copied; it expires in ${formatDuration(mint?.ttlSeconds ?? 0)}, ${clipboardClearsText(clearsAt)}.`,
    );
  }

  /** The builder's sub, lifetime and ACL become what this application's tokens get by default. */
  async function saveDefaults() {
    const { options, errors } = builderToMint(builder, parseAcl);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    const { sub, ttlSeconds, acl } = options;
    const jwtDefaults = {
      ...(sub ? { sub } : {}),
      ...(ttlSeconds ? { ttlSeconds } : {}),
      ...(acl ? { acl } : {}),
    };
    const r = await send('apps:update', { id: props.applicationId, jwtDefaults });
    if (!r.ok) {
      setFieldErrors({
        [r.error.field?.replace(/^jwtDefaults\./, '').split('.')[0] ?? '_form']: r.error.message,
      });
      return toast(r.error.message, 'error');
    }
    setBuilder(initialBuilder);
    toast(`Defaults saved for "${r.value.name}".`);
  }

  async function replaceKey(generate: boolean) {
    const key = generate
      ? ({ kind: 'generate' } as const)
      : ({ kind: 'pem', pem: newKey } as const);
    const r = await send('apps:replaceKey', { id: props.applicationId, key });
    if (!r.ok) return toast(r.error.message, 'error');
    setNewKey('');
    setLast(null);
    toast(
      generate
        ? 'New key pair generated: paste its public key into the dashboard.'
        : 'Private key replaced.',
    );
  }

  /** Main confirms a rotation in its own dialog, naming the application and account. */
  async function rotate() {
    if (!app) return;
    const r = await send('vonage:rotateKey', { app: app.id });
    if (!r.ok) return toast(r.error.message, r.error.code === 'CANCELLED' ? 'ok' : 'error');
    setLast(null);
    toast(r.value.message);
  }

  async function remove() {
    if (!app || !(await confirm(`Remove "${app.name}" and its private key?`, 'Remove application')))
      return;
    const r = await send('apps:remove', { id: app.id });
    if (!r.ok) return toast(r.error.message, 'error');
    props.navigate({ view: 'account', accountId: app.accountId });
  }

  return (
    <section className="card" aria-label={`Application ${app.name}`}>
      <nav className="crumbs" aria-label="Breadcrumb">
        <button
          type="button"
          className="link"
          onClick={() => props.navigate({ view: 'account', accountId: app.accountId })}
        >
          {app.accountName}
        </button>
        <span aria-hidden="true"> › </span>
        <span>{app.name}</span>
      </nav>
      <header className="card__header">
        <h1>{app.name}</h1>
        <code className="muted">{app.id}</code>
        {app.dashboard ? (
          <span className="muted" title={`As the dashboard had it on ${app.dashboard.syncedAt}`}>
            dashboard: “{app.dashboard.name}”
            {app.dashboard.capabilities.length ? ` · ${app.dashboard.capabilities.join(', ')}` : ''}
          </span>
        ) : null}
      </header>
      <div className="hero">
        <button
          type="button"
          className="button button--primary button--hero"
          onClick={() => void copyJwt()}
        >
          Copy JWT
        </button>
        <span className="muted">
          for <strong>{app.accountName}</strong> · {app.name}
        </span>
        <CopyEnvironmentButtons reference={{ applicationId: app.id }} />
      </div>
      {fieldErrors._form ? (
        <p className="field__error" role="alert">
          {fieldErrors._form}
        </p>
      ) : null}
      <JwtBuilder
        state={builder}
        onChange={setBuilder}
        errors={fieldErrors}
        defaultsLabel={defaultsLabel}
        defaultTtlSeconds={ttl}
        parseAcl={parseAcl}
      />
      <div className="actions">
        <button type="button" className="button button--small" onClick={() => void saveDefaults()}>
          Save these options as this application's defaults
        </button>
      </div>
      {last ? (
        <section className="last-token" aria-label="Last token">
          <h2>
            Last token <Countdown exp={last.exp} />
          </h2>
          <div className="actions">
            {tokenFormats.map((format) => (
              <button
                key={format}
                type="button"
                className="button button--small"
                onClick={() => void copy({ what: 'lastJwt', applicationId: app.id, format })}
              >
                {
                  {
                    raw: 'Copy token',
                    bearer: 'Copy Bearer header',
                    curl: 'Copy curl',
                    export: 'Copy export',
                  }[format]
                }
              </button>
            ))}
          </div>
          <TokenTimes claims={last.claims} />
          <pre className="code" data-testid="last-claims">
            {JSON.stringify({ header: last.header, claims: last.claims }, null, 2)}
          </pre>
        </section>
      ) : null}
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
          <button type="button" className="button button--primary" onClick={() => void rotate()}>
            Rotate with Vonage
          </button>
        </div>
        <p className="muted">
          Rotate with Vonage makes a new key pair and writes its public half to the dashboard
          itself; the other two only change what Keydesk stores.
        </p>
      </details>
      <div className="actions">
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          Remove application
        </button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { formatDuration } from '../../../shared/durations';
import { clipboardClearsText } from '../components/copy';
import { CopyEnvironmentButtons } from '../components/CopyEnvironmentButtons';
import { useToast } from '../components/toasts';
import { send } from '../data/channel-data';
import {
  builderToMint,
  initialBuilder,
  JwtBuilder,
  useAclParser,
  type BuilderState,
} from './JwtBuilder';

export type LastMint = NonNullable<ChannelOutput<'clipboard:copy'>['mint']>;
type Application = ChannelOutput<'apps:get'>;

/** Copy JWT, the token builder, and saving the builder's options as the application's defaults. */
export function ApplicationTokens(props: {
  app: Application;
  /** The settings' lifetime, for an application without its own. */
  settingsTtl: number | undefined;
  onMinted: (mint: LastMint) => void;
}) {
  const { app } = props;
  const [builder, setBuilder] = useState<BuilderState>(initialBuilder);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const toast = useToast();
  const parseAcl = useAclParser(builder.acl === 'custom');
  const defaults = app.jwtDefaults;
  const ttl = defaults.ttlSeconds ?? props.settingsTtl;
  const defaultsLabel = `defaults: ${ttl === undefined ? '…' : formatDuration(ttl)}${defaults.sub ? `, sub ${defaults.sub}` : ''}${defaults.acl ? `, ACL ${defaults.acl.kind === 'preset' ? defaults.acl.preset : 'custom'}` : ''}`;

  async function copyJwt() {
    const { options, errors } = builderToMint(builder, parseAcl);
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    const result = await send('clipboard:copy', {
      what: 'jwt',
      format: 'raw',
      mint: { applicationId: app.id, ...options },
    });
    if (!result.ok) {
      const field = result.error.field?.replace(/^mint\./, '') ?? '_form';
      setFieldErrors({ [field.split('.')[0] ?? field]: result.error.message });
      return toast(result.error.message, 'error');
    }
    const { mint, clearsAt } = result.value;
    if (mint) props.onMinted(mint);
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
    const r = await send('apps:update', { id: app.id, jwtDefaults });
    if (!r.ok) {
      setFieldErrors({
        [r.error.field?.replace(/^jwtDefaults\./, '').split('.')[0] ?? '_form']: r.error.message,
      });
      return toast(r.error.message, 'error');
    }
    setBuilder(initialBuilder);
    toast(`Defaults saved for "${r.value.name}".`);
  }

  return (
    <>
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
    </>
  );
}

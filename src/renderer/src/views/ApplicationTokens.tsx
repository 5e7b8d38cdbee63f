import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { formatDuration } from '../../../shared/durations';
import { clipboardClearsText } from '../components/copy';
import { CopyEnvironmentButtons } from '../components/CopyEnvironmentButtons';
import { useToast } from '../components/toasts';
import { useAction } from '../components/useAction';
import {
  builderToMint,
  initialBuilder,
  JwtBuilder,
  useAclParser,
  type BuilderState,
} from './JwtBuilder';

export type LastMint = NonNullable<ChannelOutput<'clipboard:copy'>['mint']>;
type Application = ChannelOutput<'apps:get'>;

const builderFields = new Set(['sub', 'ttlSeconds', 'nbfOffsetSeconds', 'acl']);
/**
 * "mint.acl.paths" and "jwtDefaults.acl" both belong beside the builder's "acl" field; a field
 * the builder does not show (the application id) is told in a toast.
 */
const builderFieldOf = (prefix: string) => (field: string | undefined) => {
  const name = (field?.startsWith(prefix) ? field.slice(prefix.length) : field)?.split('.')[0];
  return name !== undefined && builderFields.has(name) ? name : undefined;
};
const mintFieldOf = builderFieldOf('mint.');
const defaultsFieldOf = builderFieldOf('jwtDefaults.');

/** Copy JWT, the token builder, and saving the builder's options as the application's defaults. */
export function ApplicationTokens(props: {
  app: Application;
  /** The settings' lifetime, for an application without its own. */
  settingsTtl: number | undefined;
  onMinted: (mint: LastMint) => void;
}) {
  const { app } = props;
  const [builder, setBuilder] = useState<BuilderState>(initialBuilder);
  const [builderErrors, setBuilderErrors] = useState<Record<string, string>>({});
  const copy = useAction('clipboard:copy', { fieldOf: mintFieldOf });
  const save = useAction('apps:update', { fieldOf: defaultsFieldOf });
  const fieldErrors = { ...builderErrors, ...copy.fieldErrors, ...save.fieldErrors };
  const toast = useToast();
  const parseAcl = useAclParser(builder.acl === 'custom');
  const defaults = app.jwtDefaults;
  const ttl = defaults.ttlSeconds ?? props.settingsTtl;
  const defaultsLabel = `defaults: ${ttl === undefined ? '…' : formatDuration(ttl)}${defaults.sub ? `, sub ${defaults.sub}` : ''}${defaults.acl ? `, ACL ${defaults.acl.kind === 'preset' ? defaults.acl.preset : 'custom'}` : ''}`;

  /** The builder's own check first; a fresh press forgets what the last one was told. */
  function checkedOptions() {
    const { options, errors } = builderToMint(builder, parseAcl);
    setBuilderErrors(errors);
    copy.setFieldErrors({});
    save.setFieldErrors({});
    return Object.keys(errors).length ? undefined : options;
  }

  async function copyJwt() {
    const options = checkedOptions();
    if (!options) return;
    const result = await copy.run({
      what: 'jwt',
      format: 'raw',
      mint: { applicationId: app.id, ...options },
    });
    if (!result) return;
    const { mint, clearsAt } = result;
    if (mint) props.onMinted(mint);
    toast(
      `JWT copied; it expires in ${formatDuration(mint?.ttlSeconds ?? 0)}, ${clipboardClearsText(clearsAt)}.`,
    );
  }

  /** The builder's sub, lifetime and ACL become what this application's tokens get by default. */
  async function saveDefaults() {
    const options = checkedOptions();
    if (!options) return;
    const { sub, ttlSeconds, acl } = options;
    const jwtDefaults = {
      ...(sub ? { sub } : {}),
      ...(ttlSeconds ? { ttlSeconds } : {}),
      ...(acl ? { acl } : {}),
    };
    const saved = await save.run({ id: app.id, jwtDefaults });
    if (!saved) return;
    setBuilder(initialBuilder);
    toast(`Defaults saved for "${saved.name}".`);
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

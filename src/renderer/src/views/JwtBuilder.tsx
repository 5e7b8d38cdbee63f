import { useEffect, useState } from 'react';
import type { AclChoice, AclParseResult, AclPresetName } from '../../../shared/acl';
import type { ChannelInput } from '../../../shared/contract';
import { aclPresetLabels, aclPresetNames } from '../../../shared/presets';
import { parseDuration } from '../../../shared/durations';
import { Field, useFieldDescription } from '../components/Field';

export interface BuilderState {
  sub: string;
  ttl: string;
  nbf: string;
  acl: 'default' | AclPresetName | 'custom';
  aclJson: string;
}

export const initialBuilder: BuilderState = {
  sub: '',
  ttl: '',
  nbf: '',
  acl: 'default',
  aclJson: '{\n  "paths": {\n    "/*/users/**": {}\n  }\n}',
};

const ttlPresets = [
  ['30s', '30 s'],
  ['5m', '5 min'],
  ['15m', '15 min'],
  ['1h', '1 h'],
  ['24h', '24 h'],
] as const;

export type AclParser = (text: string) => AclParseResult;

/** What the builder can set on a mint. */
export type MintOptions = Pick<
  ChannelInput<'jwt:mint'>,
  'sub' | 'ttlSeconds' | 'nbfOffsetSeconds' | 'acl'
>;

/**
 * The ACL checker (zod and the ACL schema) loads only when someone picks a custom ACL, which keeps
 * it out of the renderer's first chunk.
 */
export function useAclParser(wanted: boolean): AclParser | undefined {
  const [parser, setParser] = useState<AclParser>();
  useEffect(() => {
    if (wanted && !parser) {
      void import('../../../shared/acl').then((m) => setParser(() => m.parseAclJson));
    }
  }, [wanted, parser]);
  return parser;
}

/** The builder's state as mint options, or the field errors that stop it (shown inline). */
export function builderToMint(
  state: BuilderState,
  parseAcl: AclParser | undefined,
): { options: MintOptions; errors: Record<string, string> } {
  const options: MintOptions = {};
  const errors: Record<string, string> = {};
  if (state.sub.trim()) options.sub = state.sub.trim();
  if (state.ttl.trim()) {
    const seconds = parseDuration(state.ttl);
    if (seconds === undefined) errors.ttlSeconds = 'Use seconds (900) or 30s, 15m, 1h, 24h.';
    else options.ttlSeconds = seconds;
  }
  if (state.nbf.trim()) {
    if (!/^[+-]?\d+$/.test(state.nbf.trim()))
      errors.nbfOffsetSeconds =
        'nbf is a whole number of seconds from now (negative back-dates it).';
    else options.nbfOffsetSeconds = Number(state.nbf);
  }
  if (state.acl === 'custom') {
    const parsed = parseAcl
      ? parseAcl(state.aclJson)
      : { ok: false as const, message: 'Checking the ACL…' };
    if (parsed.ok) options.acl = { kind: 'custom', acl: parsed.acl } satisfies AclChoice;
    else errors.acl = parsed.message;
  } else if (state.acl !== 'default') {
    options.acl = { kind: 'preset', preset: state.acl } satisfies AclChoice;
  }
  return { options, errors };
}

export function JwtBuilder(props: {
  state: BuilderState;
  onChange: (state: BuilderState) => void;
  errors: Record<string, string>;
  defaultsLabel: string;
  /** The lifetime an empty field stands for: its chip is shown as the one in use. */
  defaultTtlSeconds: number | undefined;
  parseAcl: AclParser | undefined;
}) {
  const { state, onChange, errors } = props;
  const set = <K extends keyof BuilderState>(key: K, value: BuilderState[K]) =>
    onChange({ ...state, [key]: value });
  const checked =
    state.acl === 'custom' && props.parseAcl ? props.parseAcl(state.aclJson) : undefined;
  const aclError = checked && !checked.ok ? checked.message : undefined;
  const ttlInUse = state.ttl.trim() ? parseDuration(state.ttl) : props.defaultTtlSeconds;
  return (
    <fieldset className="builder">
      <legend>
        Token options <span className="muted">({props.defaultsLabel} when left empty)</span>
      </legend>
      <Field id="jwt-sub" label="sub (user)" error={errors.sub}>
        <input
          id="jwt-sub"
          value={state.sub}
          onChange={(e) => set('sub', e.target.value)}
          placeholder="alice"
        />
      </Field>
      <Field id="jwt-ttl" label="Lifetime" error={errors.ttlSeconds} hint="30 s to 24 h">
        <LifetimePresets ttl={state.ttl} ttlInUse={ttlInUse} set={(ttl) => set('ttl', ttl)} />
      </Field>
      <Field id="jwt-nbf" label="nbf (seconds from now)" error={errors.nbfOffsetSeconds}>
        <input
          id="jwt-nbf"
          value={state.nbf}
          onChange={(e) => set('nbf', e.target.value)}
          placeholder="-60"
        />
      </Field>
      <Field
        id="jwt-acl"
        label="ACL"
        error={state.acl === 'custom' ? (aclError ?? errors.acl) : errors.acl}
      >
        <select
          id="jwt-acl"
          value={state.acl}
          onChange={(e) => set('acl', e.target.value as BuilderState['acl'])}
        >
          <option value="default">Default</option>
          {aclPresetNames.map((name) => (
            <option key={name} value={name}>
              {aclPresetLabels[name]}
            </option>
          ))}
          <option value="custom">Custom JSON</option>
        </select>
        {state.acl === 'custom' ? (
          <textarea
            aria-label="Custom ACL JSON"
            className="code"
            rows={6}
            value={state.aclJson}
            spellCheck={false}
            onChange={(e) => set('aclJson', e.target.value)}
          />
        ) : null}
      </Field>
    </fieldset>
  );
}

/** The lifetime chips and the custom value, described by the Lifetime field's error or hint. */
function LifetimePresets(props: {
  ttl: string;
  ttlInUse: number | undefined;
  set: (ttl: string) => void;
}) {
  const description = useFieldDescription();
  return (
    <div className="segmented" role="group" aria-label="Lifetime presets">
      {ttlPresets.map(([value, label]) => (
        <button
          key={value}
          type="button"
          aria-pressed={props.ttl === value}
          className={
            props.ttl === value
              ? 'seg seg--on'
              : parseDuration(value) === props.ttlInUse
                ? 'seg seg--default'
                : 'seg'
          }
          title={
            !props.ttl.trim() && parseDuration(value) === props.ttlInUse
              ? 'In use: the default lifetime'
              : undefined
          }
          onClick={() => props.set(props.ttl === value ? '' : value)}
        >
          {label}
        </button>
      ))}
      <input
        id="jwt-ttl"
        className="seg-input"
        value={props.ttl}
        onChange={(e) => props.set(e.target.value)}
        placeholder="custom"
        aria-label="Custom lifetime"
        {...description}
      />
    </div>
  );
}

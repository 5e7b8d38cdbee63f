import { aclPresetLabels, aclPresetNames } from '../../../shared/presets';
import { routesText } from '../../../shared/proxy-route';
import type { Settings } from '../../../shared/settings-schemas';
import { Field } from '../components/Field';
import { useToast } from '../components/toasts';
import { useChannel } from '../data/channel-data';
import { useAction } from '../components/useAction';

export function SettingsView() {
  const settings = useChannel('settings:get', {}).data;
  const status = useChannel('system:status', {}).data;
  const keychain = status?.keychain;
  const registered = status?.quickCopyShortcut;
  const update = useAction('settings:update', { fieldOf: (field) => field });
  const errors = update.fieldErrors;
  const toast = useToast();
  if (!settings) return null;

  async function save(patch: Partial<Settings>) {
    if (await update.run(patch)) toast('Settings saved.');
  }

  return (
    <section className="card form">
      <h1>Settings</h1>
      <Field
        id="set-clipboard"
        label="Clear the clipboard after"
        error={errors.clipboardClearSeconds}
      >
        <select
          id="set-clipboard"
          value={settings.clipboardClearSeconds ?? 'never'}
          onChange={(e) =>
            void save({
              clipboardClearSeconds: e.target.value === 'never' ? null : Number(e.target.value),
            })
          }
        >
          {[10, 30, 60, 120, 300].map((s) => (
            <option key={s} value={s}>
              {s} seconds
            </option>
          ))}
          <option value="never">Never</option>
        </select>
      </Field>
      <Field
        id="set-ttl"
        label="Default JWT lifetime (seconds)"
        error={errors.defaultTtlSeconds}
        hint="30 to 86400"
      >
        <input
          id="set-ttl"
          type="number"
          defaultValue={settings.defaultTtlSeconds}
          onBlur={(e) => void save({ defaultTtlSeconds: Number(e.target.value) })}
        />
      </Field>
      <Field id="set-acl" label="Default ACL" error={errors.defaultAclPreset}>
        <select
          id="set-acl"
          value={settings.defaultAclPreset}
          onChange={(e) =>
            void save({ defaultAclPreset: e.target.value as Settings['defaultAclPreset'] })
          }
        >
          {aclPresetNames.map((name) => (
            <option key={name} value={name}>
              {aclPresetLabels[name]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="set-retention"
        label="Keep history for (days)"
        error={errors.historyRetentionDays}
        hint="1 to 3650"
      >
        <input
          id="set-retention"
          type="number"
          defaultValue={settings.historyRetentionDays}
          onBlur={(e) => void save({ historyRetentionDays: Number(e.target.value) })}
        />
      </Field>
      <Field
        id="set-vonage-api"
        label="Vonage API host (checks)"
        error={errors.vonageApiHost}
        hint="https://api.nexmo.com, or another *.nexmo.com or *.vonage.com host"
      >
        <input
          id="set-vonage-api"
          defaultValue={settings.vonageApiHost}
          onBlur={(e) => void save({ vonageApiHost: e.target.value.trim() })}
        />
      </Field>
      <Field
        id="set-vonage-rest"
        label="Vonage REST host (balance)"
        error={errors.vonageRestHost}
        hint="https://rest.nexmo.com, or another *.nexmo.com or *.vonage.com host"
      >
        <input
          id="set-vonage-rest"
          defaultValue={settings.vonageRestHost}
          onBlur={(e) => void save({ vonageRestHost: e.target.value.trim() })}
        />
      </Field>
      <ProxyInUse />
      <Field
        id="set-vonage-timeout"
        label="Vonage answer timeout (seconds)"
        error={errors.vonageTimeoutSeconds}
        hint="1 to 120"
      >
        <input
          id="set-vonage-timeout"
          type="number"
          defaultValue={settings.vonageTimeoutSeconds}
          onBlur={(e) => void save({ vonageTimeoutSeconds: Number(e.target.value) })}
        />
      </Field>
      <p className="field__hint" data-testid="secrets-in">
        Secrets:{' '}
        {keychain?.vaultFile
          ? `in the encrypted vault file ${keychain.vaultFile.path}`
          : 'in the OS keychain'}
        . Move them with <code>keydesk keychain migrate --to file</code> (or <code>--to os</code>).
      </p>
      {keychain?.vaultFile ? (
        <Field
          id="set-vault-lock"
          label="Lock the vault file after (minutes unused)"
          error={errors.vaultLockMinutes}
          hint="1 to 1440"
        >
          <input
            id="set-vault-lock"
            type="number"
            defaultValue={settings.vaultLockMinutes}
            onBlur={(e) => void save({ vaultLockMinutes: Number(e.target.value) })}
          />
        </Field>
      ) : null}
      <Field
        id="set-quick-shortcut"
        label="Quick copy shortcut (anywhere on the desktop)"
        error={
          errors.quickCopyShortcut ??
          (registered && !registered.registered
            ? `${registered.accelerator} is taken by another program; choose another.`
            : undefined)
        }
        hint="Such as CommandOrControl+Shift+Space, or off"
      >
        <input
          id="set-quick-shortcut"
          defaultValue={settings.quickCopyShortcut}
          onBlur={(e) => void save({ quickCopyShortcut: e.target.value.trim() })}
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.keepInTray}
          onChange={(e) => void save({ keepInTray: e.target.checked })}
        />
        Closing the window keeps Keydesk in the tray, ready for quick copy
      </label>
      <Field id="set-theme" label="Theme" error={errors.theme}>
        <select
          id="set-theme"
          value={settings.theme}
          onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </Field>
    </section>
  );
}

/** How Keydesk reaches Vonage's hosts: direct, or through the proxy the system or HTTPS_PROXY names. */
function ProxyInUse() {
  const answer = useChannel('vonage:proxy', {});
  const routes = answer.data;
  const text = answer.error ? answer.error.message : routes ? routesText(routes) : 'Asking…';
  return (
    <p className="field__hint" data-testid="proxy-in-use">
      Network: {text}.
    </p>
  );
}

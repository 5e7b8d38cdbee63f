import { useState, type DragEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { useChannel } from '../data/channel-data';
import { useToast } from '../components/toasts';
import { noFields, useAction } from '../components/useAction';

type Preview = ChannelOutput<'import:preview'>;
type FileChoices = { accountName?: string; allowOutsidePaths: boolean };

/** Choose or drop a .nexmorc, .nexmo-app, .vonagerc, vonage_app.json or private.key; preview; confirm. */
export function ImportView() {
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  // A file that cannot be read, or an import main refuses, is told under the drop zone.
  const previewing = useAction('import:preview', { fieldOf: noFields, form: true });
  const applying = useAction('import:apply', { fieldOf: noFields, form: true });
  const error = previewing.fieldErrors._form ?? applying.fieldErrors._form;
  const [choices, setChoices] = useState<FileChoices>({ allowOutsidePaths: false });
  const accountNames = (useChannel('accounts:list', {}).data ?? []).map((a) => a.name);
  const toast = useToast();

  async function showPreview(next: { fileName: string; content: string }, chosen: FileChoices) {
    setChoices(chosen);
    applying.setFieldErrors({});
    setPreview((await previewing.run({ ...next, ...chosen })) ?? null);
  }

  async function load(chosen: File | undefined) {
    if (!chosen) return;
    const next = { fileName: chosen.name, content: await chosen.text() };
    setFile(next);
    await showPreview(next, { allowOutsidePaths: false });
  }

  async function apply() {
    if (!file) return;
    const imported = await applying.run({ ...file, ...choices });
    if (!imported) return;
    const created = imported.items.filter((i) => i.outcome === 'created').length;
    toast(`Imported ${file.fileName}: ${created} created.`);
    setPreview(null);
    setFile(null);
  }

  return (
    <section className="card">
      <h1>Import</h1>
      <div
        className="dropzone dropzone--large"
        onDragOver={(e: DragEvent) => e.preventDefault()}
        onDrop={(e: DragEvent) => {
          e.preventDefault();
          void load(e.dataTransfer.files[0]);
        }}
      >
        <p>
          Drop a <code>.nexmorc</code>, <code>.nexmo-app</code>, <code>.vonagerc</code>,{' '}
          <code>vonage_app.json</code> or <code>private.key</code> here, or
        </p>
        <label className="button">
          Choose a file…
          <input
            type="file"
            hidden
            aria-label="File to import"
            onChange={(e) => void load(e.target.files?.[0])}
          />
        </label>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div data-testid="import-preview">
          <h2>{preview.formatLabel}: what would be stored</h2>
          <table className="table">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Name</th>
                <th>Action</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {preview.items.map((item, i) => (
                <tr key={i}>
                  <td>{item.kind}</td>
                  <td>{item.name}</td>
                  <td>{item.action}</td>
                  <td>{item.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {file && preview.items.every((item) => item.kind === 'application') ? (
            <label className="field">
              <span>Account for the application</span>
              <select
                value={choices.accountName ?? ''}
                onChange={(e) =>
                  void showPreview(file, { ...choices, accountName: e.target.value || undefined })
                }
              >
                <option value="">Choose an account…</option>
                {accountNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {file && preview.items.some((item) => item.kind === 'application' && item.keyOutside) ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={choices.allowOutsidePaths}
                onChange={(e) =>
                  void showPreview(file, { ...choices, allowOutsidePaths: e.target.checked })
                }
              />
              Read key files outside the file&apos;s folder (
              {preview.items.map((item) => (item.kind === 'application' ? item.keyPath : null))})
            </label>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!preview.hasChanges}
              onClick={() => void apply()}
            >
              {preview.hasChanges ? 'Import' : 'Nothing new to import'}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

import { useState, type DragEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { call } from '../api';
import { useToast } from '../components/toasts';

type Preview = ChannelOutput<'import:preview'>;

/** Choose or drop a .nexmorc, .nexmo-app, .vonagerc, vonage_app.json or private.key; preview; confirm. */
export function ImportView(props: { changed: () => void }) {
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [allowOutside, setAllowOutside] = useState(false);
  const toast = useToast();

  async function showPreview(next: { fileName: string; content: string }, outside: boolean) {
    const r = await call('import:preview', { ...next, allowOutsidePaths: outside });
    setPreview(r.ok ? r.value : null);
    setError(r.ok ? null : r.error.message);
  }

  async function load(chosen: File | undefined) {
    if (!chosen) return;
    const next = { fileName: chosen.name, content: await chosen.text() };
    setFile(next);
    setAllowOutside(false);
    await showPreview(next, false);
  }

  async function apply() {
    if (!file) return;
    const r = await call('import:apply', { ...file, allowOutsidePaths: allowOutside });
    if (!r.ok) return setError(r.error.message);
    const created = r.value.items.filter((i) => i.outcome === 'created').length;
    toast(`Imported ${file.fileName}: ${created} created.`);
    setPreview(null);
    setFile(null);
    props.changed();
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
          {preview.items.some((item) => item.kind === 'application' && item.keyOutside) ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allowOutside}
                onChange={(e) => {
                  setAllowOutside(e.target.checked);
                  if (file) void showPreview(file, e.target.checked);
                }}
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

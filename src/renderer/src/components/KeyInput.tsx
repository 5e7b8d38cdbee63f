import type { DragEvent } from 'react';
import { useFieldDescription } from './Field';

/** A private key by paste, file choice or file drop; the text goes to main to be parsed. */
export function KeyInput(props: { id: string; value: string; onChange: (pem: string) => void }) {
  const description = useFieldDescription();
  async function readFile(file: File | undefined) {
    if (file) props.onChange(await file.text());
  }
  return (
    <div
      className="dropzone"
      onDragOver={(event: DragEvent) => event.preventDefault()}
      onDrop={(event: DragEvent) => {
        event.preventDefault();
        void readFile(event.dataTransfer.files[0]);
      }}
    >
      <textarea
        id={props.id}
        {...description}
        rows={5}
        placeholder="Paste the private key (-----BEGIN PRIVATE KEY----- …) or drop private.key here"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        spellCheck={false}
      />
      <label className="button button--small">
        Choose file…
        <input type="file" hidden onChange={(event) => void readFile(event.target.files?.[0])} />
      </label>
    </div>
  );
}

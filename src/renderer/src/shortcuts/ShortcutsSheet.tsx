import { Fragment } from 'react';
import { ModalDialog } from '../components/ModalDialog';
import { inPlaceKeys, shortcuts } from './shortcuts';

/** `?` or the topbar's button: every shortcut the app has, from the list the keys act on. */
export function ShortcutsSheet(props: { close: () => void }) {
  const rows = [...shortcuts, ...inPlaceKeys];
  return (
    <ModalDialog className="dialog" labelledBy="shortcuts-title" onClose={props.close}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcuts">
        {rows.map((row) => (
          <Fragment key={row.keys}>
            <dt>
              <kbd>{row.keys}</kbd>
            </dt>
            <dd>{row.does}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="muted">On macOS, Ctrl is ⌘.</p>
      <div className="actions">
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the sheet has one control */}
        <button type="button" className="button" onClick={props.close} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

import { useMemo, useState } from 'react';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';
import { ModalDialog } from './ModalDialog';
import { searchWords } from './search-words';
import { useCopy } from './useCopy';

interface Command {
  id: string;
  label: string;
  detail: string;
  run: () => void;
}

/** Ctrl/Cmd+K: jump to any account or application, or copy a JWT for one, from the keyboard. */
export function CommandPalette(props: { close: () => void; navigate: (route: Route) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const accounts = useChannel('accounts:list', {}).data ?? noAccounts;
  const apps = useChannel('apps:index', {}).data ?? noApps;
  const copy = useCopy();

  const commands = useMemo<Command[]>(() => {
    const { navigate, close } = props;
    const list: Command[] = [
      ...apps.map((app) => ({
        id: `jwt-${app.id}`,
        label: `Copy JWT for ${app.name}`,
        detail: app.accountName,
        run: () => {
          close();
          void copy({ what: 'jwt', format: 'raw', mint: { applicationId: app.id } });
        },
      })),
      ...accounts.map((account) => ({
        id: `account-${account.id}`,
        label: account.name,
        detail: `Account · ${account.apiKey}`,
        run: () => navigate({ view: 'account', accountId: account.id }),
      })),
      ...apps.map((app) => ({
        id: `app-${app.id}`,
        label: app.name,
        detail: `Application · ${app.accountName} · ${app.id}`,
        run: () =>
          navigate({ view: 'application', applicationId: app.id, accountId: app.accountId }),
      })),
    ];
    return searchWords(list, query, (c) => `${c.label} ${c.detail}`);
  }, [accounts, apps, query, props, copy]);

  return (
    <ModalDialog
      className="dialog dialog--palette"
      label="Command palette"
      onClose={props.close}
      closeOnBackdrop
    >
      <input
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the palette exists to be typed into
        autoFocus
        className="palette__input"
        placeholder="Type an account, an application, or “copy jwt voice”"
        aria-label="Command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={commands[active] ? `palette-option-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, commands.length - 1));
          if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          if (event.key === 'Enter') commands[active]?.run();
        }}
      />
      <ul className="palette__list" id="palette-results" role="listbox" aria-label="Results">
        {commands.map((command, index) => (
          <li
            key={command.id}
            id={`palette-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'palette__item palette__item--active' : 'palette__item'}
            onMouseEnter={() => setActive(index)}
            onClick={command.run}
            // The input keeps the keyboard (arrows, Enter); a pointer may click an option.
            onKeyDown={(event) => event.key === 'Enter' && command.run()}
          >
            <span>{command.label}</span>
            <span className="palette__detail">{command.detail}</span>
          </li>
        ))}
      </ul>
      {commands.length === 0 ? <p className="palette__empty">Nothing matches.</p> : null}
    </ModalDialog>
  );
}

const noAccounts: never[] = [];
const noApps: never[] = [];

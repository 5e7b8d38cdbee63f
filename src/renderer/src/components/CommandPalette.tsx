import { useMemo, useState } from 'react';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';
import { ModalDialog } from './ModalDialog';
import { searchWords } from './search-words';
import { SearchOptions, type SearchOption } from './SearchOptions';
import { useCopy } from './useCopy';

interface Command extends SearchOption {
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
        key: `jwt-${app.id}`,
        label: `Copy JWT for ${app.name}`,
        detail: app.accountName,
        run: () => {
          close();
          void copy({ what: 'jwt', format: 'raw', mint: { applicationId: app.id } });
        },
      })),
      ...accounts.map((account) => ({
        key: `account-${account.id}`,
        label: account.name,
        detail: `Account · ${account.apiKey}`,
        run: () => navigate({ view: 'account', accountId: account.id }),
      })),
      ...apps.map((app) => ({
        key: `app-${app.id}`,
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
      <SearchOptions
        id="palette"
        label="Command"
        placeholder="Type an account, an application, or “copy jwt voice”"
        query={query}
        onQuery={setQuery}
        options={commands}
        active={active}
        onActive={setActive}
        onKey={(event, command) => event.key === 'Enter' && command?.run()}
        onPick={(command) => command.run()}
      />
    </ModalDialog>
  );
}

const noAccounts: never[] = [];
const noApps: never[] = [];

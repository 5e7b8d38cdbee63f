import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { quickCopyKinds } from '../../../shared/contract-quick';
import { searchWords } from '../components/search-words';
import { SearchOptions, type SearchOption } from '../components/SearchOptions';
import { noFields, useAction } from '../components/useAction';
import { invalidateAll, useChannel } from '../data/channel-data';

type Index = ChannelOutput<'quick:index'>;
type Kind = (typeof quickCopyKinds)[number];
interface Item extends SearchOption {
  id: string;
  kind: 'application' | 'account';
}

const noIndex: Index = { accounts: [], applications: [], theme: 'system' };

/** Enter, Shift+Enter, Alt+Enter: what each copies for an application or an account. */
function kindOf(event: KeyboardEvent, item: Item): Kind {
  if (event.altKey) return 'basicAuth';
  if (event.shiftKey || item.kind === 'account') return 'apiKey';
  return 'jwt';
}

/**
 * The quick copy window (the global shortcut, or the tray's "Quick copy…"): one search over every
 * account and application. Main copies and hides the window, then says what it copied in a
 * notification; Escape (or clicking elsewhere) hides it without copying.
 */
export function QuickCopyView() {
  const index = useChannel('quick:index', {}).data;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [copied, setCopied] = useState<string>();
  const copy = useAction('quick:copy', { fieldOf: noFields, form: true });
  const { accounts, applications, theme } = index ?? noIndex;
  const search = useRef<HTMLInputElement>(null);
  const { setFieldErrors } = copy;

  // Main keeps this window loaded and hidden; each time it is shown it starts afresh, with the
  // vault asked again (the main window or the CLI may have changed it meanwhile).
  useEffect(() => {
    const afresh = () => {
      setQuery('');
      setActive(0);
      setCopied(undefined);
      setFieldErrors({});
      invalidateAll();
      search.current?.focus();
    };
    window.addEventListener('focus', afresh);
    return () => window.removeEventListener('focus', afresh);
  }, [setFieldErrors]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const items = useMemo<Item[]>(
    () => [
      ...applications.map((app) => ({
        key: `application-${app.id}`,
        id: app.id,
        kind: 'application' as const,
        label: app.name,
        detail: `${app.accountName} · ${app.id}`,
      })),
      ...accounts.map((account) => ({
        key: `account-${account.id}`,
        id: account.id,
        kind: 'account' as const,
        label: account.name,
        detail: `Account · ${account.apiKey}`,
      })),
    ],
    [accounts, applications],
  );
  const shown = useMemo(
    () => searchWords(items, query, (item) => `${item.label} ${item.detail}`),
    [items, query],
  );

  async function run(item: Item, what: Kind) {
    setCopied(undefined);
    const done = await copy.run({ what, id: item.id });
    // Main hides the window; until it does (or where it cannot), say so here.
    if (done) setCopied(done.title);
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>, item: Item | undefined) {
    if (event.key === 'Escape') return window.close();
    if (event.key === 'Enter' && item) {
      event.preventDefault();
      void run(item, kindOf(event, item));
    }
  }

  return (
    <main className="quick" aria-label="Quick copy">
      <SearchOptions
        id="quick"
        className="quick"
        label="Search accounts and applications"
        placeholder="Search accounts and applications: name, API key, application id"
        query={query}
        onQuery={setQuery}
        options={shown}
        loading={!index}
        active={active}
        onActive={setActive}
        onKey={onKey}
        onPick={(item) => void run(item, item.kind === 'account' ? 'apiKey' : 'jwt')}
        inputRef={search}
      />
      {copy.fieldErrors._form ? (
        <p className="field__error quick__status" role="alert">
          {copy.fieldErrors._form}
        </p>
      ) : copied ? (
        <p className="quick__status" role="status">
          {copied}
        </p>
      ) : null}
      <p className="quick__keys muted">
        <kbd>Enter</kbd> JWT · <kbd>Shift</kbd>+<kbd>Enter</kbd> API key · <kbd>Alt</kbd>+
        <kbd>Enter</kbd> Basic header · <kbd>Esc</kbd> close
      </p>
    </main>
  );
}

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { quickCopyKinds } from '../../../shared/contract-quick';
import { searchWords } from '../components/search-words';
import { noFields, useAction } from '../components/useAction';
import { invalidateAll, useChannel } from '../data/channel-data';

type Index = ChannelOutput<'quick:index'>;
type Kind = (typeof quickCopyKinds)[number];
interface Item {
  id: string;
  kind: 'application' | 'account';
  name: string;
  detail: string;
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
        id: app.id,
        kind: 'application' as const,
        name: app.name,
        detail: `${app.accountName} · ${app.id}`,
      })),
      ...accounts.map((account) => ({
        id: account.id,
        kind: 'account' as const,
        name: account.name,
        detail: `Account · ${account.apiKey}`,
      })),
    ],
    [accounts, applications],
  );
  const shown = useMemo(
    () => searchWords(items, query, (item) => `${item.name} ${item.detail}`),
    [items, query],
  );

  async function run(item: Item, what: Kind) {
    setCopied(undefined);
    const done = await copy.run({ what, id: item.id });
    // Main hides the window; until it does (or where it cannot), say so here.
    if (done) setCopied(done.title);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') return window.close();
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    const item = shown[active];
    if (event.key === 'Enter' && item) {
      event.preventDefault();
      void run(item, kindOf(event, item));
    }
  }

  return (
    <main className="quick" aria-label="Quick copy">
      <input
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the window exists to be typed into
        autoFocus
        ref={search}
        className="palette__input quick__input"
        placeholder="Search accounts and applications: name, API key, application id"
        aria-label="Search accounts and applications"
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-results"
        aria-activedescendant={shown[active] ? `quick-option-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        className="palette__list quick__list"
        id="quick-results"
        role="listbox"
        aria-label="Matches"
      >
        {shown.map((item, position) => (
          <li
            key={`${item.kind}-${item.id}`}
            id={`quick-option-${position}`}
            role="option"
            aria-selected={position === active}
            className={
              position === active ? 'palette__item palette__item--active' : 'palette__item'
            }
            onMouseEnter={() => setActive(position)}
            onClick={() => void run(item, item.kind === 'account' ? 'apiKey' : 'jwt')}
            onKeyDown={(event) => event.key === 'Enter' && void run(item, 'jwt')}
          >
            <span>{item.name}</span>
            <span className="palette__detail">{item.detail}</span>
          </li>
        ))}
      </ul>
      {index && shown.length === 0 ? <p className="palette__empty">Nothing matches.</p> : null}
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

import { lazy, Suspense, useEffect, useState } from 'react';
import { CommandPalette } from './components/CommandPalette';
import { KeychainBanner } from './components/KeychainBanner';
import { Sidebar } from './components/Sidebar';
import { ConfirmProvider } from './components/confirm';
import { ToastProvider } from './components/toasts';
import { invalidate, send, useChannel } from './data/channel-data';
import type { Route } from './route';
import { ShortcutsSheet } from './shortcuts/ShortcutsSheet';
import { isTyping, shortcuts, type ShortcutId } from './shortcuts/shortcuts';
import { AccountView } from './views/AccountView';
import { ApplicationView } from './views/ApplicationView';
import { DecodeView } from './views/DecodeView';
import { HistoryView } from './views/HistoryView';
import { ImportView } from './views/ImportView';
import { NewAccountView } from './views/NewAccountView';
import { SettingsView } from './views/SettingsView';
import { UnlockView } from './views/UnlockView';
import { WelcomeView } from './views/WelcomeView';

/** Loaded when first opened: the first chunk stays under its budget (npm run bench -- renderer). */
const WebhooksView = lazy(() =>
  import('./views/WebhooksView').then((m) => ({ default: m.WebhooksView })),
);

const CheckAllView = lazy(() =>
  import('./views/CheckAllView').then((m) => ({ default: m.CheckAllView })),
);
const SyncView = lazy(() => import('./views/SyncView').then((m) => ({ default: m.SyncView })));
const TeamView = lazy(() => import('./views/TeamView').then((m) => ({ default: m.TeamView })));

const tools: {
  view: 'check-all' | 'decode' | 'webhooks' | 'import' | 'history' | 'team' | 'settings';
  label: string;
}[] = [
  { view: 'check-all', label: 'Check all' },
  { view: 'decode', label: 'Decode' },
  { view: 'webhooks', label: 'Webhooks' },
  { view: 'import', label: 'Import' },
  { view: 'history', label: 'History' },
  { view: 'team', label: 'Team' },
  { view: 'settings', label: 'Settings' },
];

export function App() {
  const status = useChannel('system:status', {}).data;
  const theme = useChannel('settings:get', {}).data?.theme;
  const [route, setRoute] = useState<Route>({ view: 'welcome' });
  const [dialog, setDialog] = useState<'palette' | 'shortcuts' | null>(null);

  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);

  // What the database holds, main reports when it changed (events); the OS keychain's own state
  // (unlocked in another program meanwhile) is asked again when the window is back in front.
  useEffect(() => {
    const keychainAgain = () => invalidate(['status']);
    window.addEventListener('focus', keychainAgain);
    return () => window.removeEventListener('focus', keychainAgain);
  }, []);

  useEffect(() => {
    const actions: Record<ShortcutId, () => void> = {
      palette: () => setDialog((open) => (open === 'palette' ? null : 'palette')),
      sheet: () => setDialog('shortcuts'),
      search: () => document.getElementById('sidebar-search')?.focus(),
      newAccount: () => setRoute({ view: 'new-account' }),
      history: () => setRoute({ view: 'history' }),
      settings: () => setRoute({ view: 'settings' }),
    };
    const onKey = (event: KeyboardEvent) => {
      const typing = isTyping(event.target);
      const shortcut = shortcuts.find((s) => s.matches(event, typing));
      if (!shortcut) return;
      event.preventDefault();
      actions[shortcut.id]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const vaultFile = status?.keychain.vaultFile;
  if (vaultFile && status?.keychain.state === 'locked')
    return (
      <ToastProvider>
        <UnlockView vaultFile={vaultFile} />
      </ToastProvider>
    );

  return (
    <ToastProvider>
      <ConfirmProvider>
        <div className="shell">
          <Sidebar route={route} navigate={setRoute} />
          <div className="pane">
            <header className="topbar">
              <nav aria-label="Tools">
                {tools.map((tool) => (
                  <button
                    key={tool.view}
                    type="button"
                    className={route.view === tool.view ? 'tab tab--active' : 'tab'}
                    aria-current={route.view === tool.view ? 'page' : undefined}
                    onClick={() => setRoute({ view: tool.view })}
                  >
                    {tool.label}
                  </button>
                ))}
              </nav>
              <div className="topbar__end">
                {status?.keychain.backend === 'file' ? (
                  <button
                    type="button"
                    className="palette-hint"
                    title="Forget the vault file's key until its passphrase is entered again"
                    onClick={() => void send('keychain:lock', {})}
                  >
                    Lock
                  </button>
                ) : null}
                <button type="button" className="palette-hint" onClick={() => setDialog('palette')}>
                  Search or run… <kbd>Ctrl K</kbd>
                </button>
                <button
                  type="button"
                  className="palette-hint"
                  aria-label="Keyboard shortcuts"
                  title="Keyboard shortcuts (?)"
                  onClick={() => setDialog('shortcuts')}
                >
                  <kbd>?</kbd>
                </button>
              </div>
            </header>
            {status ? <KeychainBanner keychain={status.keychain} /> : null}
            {status?.notices.map((notice) => (
              <div key={notice} className="banner banner--warning" role="alert">
                {notice}
              </div>
            ))}
            <main className="content" id="content">
              <RouteView route={route} navigate={setRoute} />
            </main>
          </div>
        </div>
        {dialog === 'palette' ? (
          <CommandPalette
            close={() => setDialog(null)}
            navigate={(next) => {
              setRoute(next);
              setDialog(null);
            }}
          />
        ) : null}
        {dialog === 'shortcuts' ? <ShortcutsSheet close={() => setDialog(null)} /> : null}
      </ConfirmProvider>
    </ToastProvider>
  );
}

const loading = <p className="muted">Loading…</p>;

function RouteView(props: { route: Route; navigate: (route: Route) => void }) {
  const { route, navigate } = props;
  switch (route.view) {
    case 'welcome':
      return <WelcomeView navigate={navigate} />;
    case 'new-account':
      return <NewAccountView navigate={navigate} />;
    case 'account':
      return <AccountView key={route.accountId} accountId={route.accountId} navigate={navigate} />;
    case 'application':
      return (
        <ApplicationView
          key={route.applicationId}
          applicationId={route.applicationId}
          navigate={navigate}
        />
      );
    case 'decode':
      return <DecodeView />;
    case 'webhooks':
      return (
        <Suspense fallback={loading}>
          <WebhooksView />
        </Suspense>
      );
    case 'check-all':
      return (
        <Suspense fallback={loading}>
          <CheckAllView navigate={navigate} />
        </Suspense>
      );
    case 'sync':
      return (
        <Suspense fallback={loading}>
          <SyncView key={route.accountId} accountId={route.accountId} navigate={navigate} />
        </Suspense>
      );
    case 'import':
      return <ImportView />;
    case 'history':
      return <HistoryView />;
    case 'team':
      return (
        <Suspense fallback={loading}>
          <TeamView />
        </Suspense>
      );
    case 'settings':
      return <SettingsView />;
  }
}

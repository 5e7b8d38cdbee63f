import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/contract';
import { call } from './api';
import { CommandPalette } from './components/CommandPalette';
import { KeychainBanner } from './components/KeychainBanner';
import { Sidebar } from './components/Sidebar';
import { ConfirmProvider } from './components/confirm';
import { ToastProvider } from './components/toasts';
import type { Route } from './route';
import { AccountView } from './views/AccountView';
import { ApplicationView } from './views/ApplicationView';
import { DecodeView } from './views/DecodeView';
import { HistoryView } from './views/HistoryView';
import { ImportView } from './views/ImportView';
import { NewAccountView } from './views/NewAccountView';
import { SettingsView } from './views/SettingsView';
import { WelcomeView } from './views/WelcomeView';

type Status = ChannelOutput<'system:status'>;

const tools: { view: 'decode' | 'import' | 'history' | 'settings'; label: string }[] = [
  { view: 'decode', label: 'Decode' },
  { view: 'import', label: 'Import' },
  { view: 'history', label: 'History' },
  { view: 'settings', label: 'Settings' },
];

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [route, setRoute] = useState<Route>({ view: 'welcome' });
  const [revision, setRevision] = useState(0);
  const [paletteOpen, setPaletteOpen] = useState(false);
  /** Anything that changed the vault calls this, so the sidebar and views reload. */
  const changed = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(() => {
    void call('system:status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
    });
    void call('settings:get', {}).then((result) => {
      if (result.ok) document.documentElement.dataset.theme = result.value.theme;
    });
  }, [revision]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <ToastProvider>
      <ConfirmProvider>
        <div className="shell">
          <Sidebar route={route} navigate={setRoute} revision={revision} />
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
              <button type="button" className="palette-hint" onClick={() => setPaletteOpen(true)}>
                Search or run… <kbd>Ctrl K</kbd>
              </button>
            </header>
            {status ? <KeychainBanner keychain={status.keychain} /> : null}
            {status?.notices.map((notice) => (
              <div key={notice} className="banner banner--warning" role="alert">
                {notice}
              </div>
            ))}
            <main className="content" id="content">
              <RouteView route={route} navigate={setRoute} changed={changed} revision={revision} />
            </main>
          </div>
        </div>
        {paletteOpen ? (
          <CommandPalette
            close={() => setPaletteOpen(false)}
            navigate={(next) => {
              setRoute(next);
              setPaletteOpen(false);
            }}
          />
        ) : null}
      </ConfirmProvider>
    </ToastProvider>
  );
}

function RouteView(props: {
  route: Route;
  navigate: (route: Route) => void;
  changed: () => void;
  revision: number;
}) {
  const { route, navigate, changed, revision } = props;
  switch (route.view) {
    case 'welcome':
      return <WelcomeView navigate={navigate} revision={revision} />;
    case 'new-account':
      return <NewAccountView navigate={navigate} changed={changed} />;
    case 'account':
      return (
        <AccountView
          key={route.accountId}
          accountId={route.accountId}
          navigate={navigate}
          changed={changed}
          revision={revision}
        />
      );
    case 'application':
      return (
        <ApplicationView
          key={route.applicationId}
          applicationId={route.applicationId}
          navigate={navigate}
          changed={changed}
        />
      );
    case 'decode':
      return <DecodeView />;
    case 'import':
      return <ImportView changed={changed} />;
    case 'history':
      return <HistoryView revision={revision} />;
    case 'settings':
      return <SettingsView changed={changed} />;
  }
}

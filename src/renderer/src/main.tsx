import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { QuickCopyView } from './views/QuickCopyView';
// The stylesheets in cascade order: a later one may override an earlier one.
import './styles/tokens.css';
import './styles/base.css';
import './components/sidebar.css';
import './styles/layout.css';
import './styles/controls.css';
import './views/application.css';
import './views/history.css';
import './views/verdicts.css';
import './components/toasts.css';
import './components/dialogs.css';
import './styles/utilities.css';
import './components/check-mark.css';
import './views/check-all.css';
import './views/sync.css';
import './views/team.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * The quick copy window shows the same page on its own route (main/electron/quick-window.ts) and
 * must be typed into at once: the main window's code is a chunk of its own that it never loads.
 */
const App = lazy(() => import('./App').then((m) => ({ default: m.App })));

createRoot(root).render(
  <StrictMode>
    {location.hash === '#quick' ? (
      <QuickCopyView />
    ) : (
      <Suspense fallback={null}>
        <App />
      </Suspense>
    )}
  </StrictMode>,
);

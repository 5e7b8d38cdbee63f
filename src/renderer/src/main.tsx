import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The quick copy window shows the same page on its own route (main/electron/quick-window.ts).
createRoot(root).render(
  <StrictMode>{location.hash === '#quick' ? <QuickCopyView /> : <App />}</StrictMode>,
);

/** Entry point of the browser client: mounts the React app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { requestComparisonOnBoot } from './readings/earlyComparison.js';
import 'prosemirror-view/style/prosemirror.css';
import './styles/base.css';
import './styles/chrome.css';
import './styles/forms.css';
import './styles/draft.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The slowest answer a page waits for, asked for before the session is known (earlyComparison.ts).
requestComparisonOnBoot(location.pathname, location.search);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// First: the engine worker starts while the other modules evaluate (see startEngine.ts).
import './engine/startEngine';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { startApp } from './startup';
import { startLocale } from './i18n/localeActions';

// The first render waits for the site configuration (bounded, see startup.ts) and, in another
// language, its catalogue: both arrive in parallel while the worker connects, and the first
// screen shows the configured site instead of an empty one that re-renders a moment later.
void Promise.all([startApp(), startLocale()]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { startApp } from './startup';
import { startLocale } from './i18n/localeActions';

startApp();

// A non-English start waits for its catalogue (one small chunk), so the first screen is not English.
void startLocale().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

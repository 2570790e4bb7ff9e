import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './index.css';
import { startApp } from './startup';
import { I18nProvider } from '@lingui/react';
import { i18n } from './i18n/i18n';
import { startLocale } from './i18n/localeActions';

startApp();

// A non-English start waits for its catalogue (one small chunk), so the first screen is not English.
void startLocale().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App />
      </I18nProvider>
    </StrictMode>,
  ),
);

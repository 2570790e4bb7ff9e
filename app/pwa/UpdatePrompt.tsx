import { useEffect, useState } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/useT';

/** A screen that runs for weeks never navigates, so it asks the server for a new build itself. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
const OFFLINE_READY_SHOWN_MS = 8000;

const button = 'rounded border border-hmi-text bg-hmi-raised px-3 py-0.5 font-semibold';

/**
 * Registers the service worker and offers a new version instead of switching silently
 * (registerType 'prompt'): reloading drops the MQTT session and any half-typed command, so the
 * operator chooses the moment.
 */
export function UpdatePrompt() {
  const t = useT();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine && !registration.installing) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
    onRegisterError() {
      // No service worker (insecure origin, private mode): the app works, only not offline.
    },
  });
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    if (!offlineReady) return;
    const t = window.setTimeout(() => setOfflineReady(false), OFFLINE_READY_SHOWN_MS);
    return () => window.clearTimeout(t);
  }, [offlineReady, setOfflineReady]);

  if (needRefresh) {
    return (
      <div role="status" aria-label={t('Update')} className="flex flex-wrap items-center gap-3 border-b border-hmi-border bg-hmi-raised px-4 py-1.5">
        <span>{t('New version available — Reload to use it.')}</span>
        <button
          type="button"
          className={button}
          disabled={reloading}
          onClick={() => {
            setReloading(true);
            void updateServiceWorker(true);
          }}
        >
          {t('Reload')}
        </button>
        <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-3 py-0.5" onClick={() => setNeedRefresh(false)}>
          {t('Later')}
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div role="status" aria-label={t('Update')} className="border-b border-hmi-border bg-hmi-raised px-4 py-1 text-[13px] text-hmi-muted">
        {t('Sightglass is installed on this device and opens without a network.')}
      </div>
    );
  }
  return null;
}

/**
 * Broker addresses are WebSocket URLs (a browser cannot open raw TCP). One pattern for the site
 * config check, the connection form and the cloud presets (AWS SigV4 signs the host; Azure
 * derives the hub name from it).
 */
export const BROKER_URL_PATTERN = /^wss?:\/\/[^\s]+$/i;

const SCHEME = /^(wss?):\/\//i;

/** "wss://host:443/mqtt" → "host:443"; also takes a bare host ("host/mqtt" → "host"). */
export function brokerHost(url: string): string {
  return url.trim().replace(SCHEME, '').replace(/\/.*$/, '');
}

/** The host without its port: "wss://hub.example:443/x" → "hub.example". */
export function brokerHostname(url: string): string {
  return brokerHost(url).replace(/:.*$/, '');
}

/** "ws" or "wss" as written (any case), or undefined when the text has no WebSocket scheme. */
export function brokerScheme(url: string): 'ws' | 'wss' | undefined {
  const m = SCHEME.exec(url.trim());
  return m ? (m[1].toLowerCase() as 'ws' | 'wss') : undefined;
}

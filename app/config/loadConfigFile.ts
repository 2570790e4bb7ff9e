import { parseSiteConfig, type SiteConfig } from '../../src/config';

export type ConfigFileResult = { kind: 'none' } | { kind: 'ok'; config: SiteConfig; name: string } | { kind: 'error'; message: string };

/**
 * Fetches the site's config.json (or `?config=other.json`) from beside index.html.
 * Missing file: start empty, no error. Another origin is refused: a link must not reconfigure the site.
 */
export async function loadConfigFile(location: Location = window.location): Promise<ConfigFileResult> {
  const name = new URLSearchParams(location.search).get('config') ?? 'config.json';
  const url = new URL(name, location.href);
  if (url.origin !== location.origin) {
    return { kind: 'error', message: `${name}: only a file from this site can configure it` };
  }
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch {
    return { kind: 'none' };
  }
  if (response.status === 404) return { kind: 'none' };
  if (!response.ok) return { kind: 'error', message: `${name}: the server answered ${response.status}` };
  const result = parseSiteConfig(await response.text());
  return result.ok ? { kind: 'ok', config: result.config, name } : { kind: 'error', message: `${name}: ${result.error}` };
}

/** What the widget's `tiles` setting asks for. */
export type Basemap =
  | { readonly kind: 'none' }
  | { readonly kind: 'xyz'; readonly url: string }
  | { readonly kind: 'pmtiles'; readonly url: string };

/**
 * `tiles` → basemap. URLs are resolved against the page (`base`: document.baseURI), so a
 * `.pmtiles` file or a tile folder next to index.html works from any sub-path, offline.
 * Only http(s) URLs are used; anything else (javascript:, data:) is ignored.
 */
export function parseBasemap(tiles: string | undefined, base: string): Basemap {
  const t = tiles?.trim();
  if (!t) return { kind: 'none' };
  const pmtiles = /\.pmtiles(?:[?#].*)?$/i.test(t) || t.startsWith('pmtiles://');
  let url: URL;
  try {
    // `{z}` etc. survive URL parsing as %7Bz%7D; put the braces back afterwards.
    url = new URL(t.replace(/^pmtiles:\/\//, ''), base);
  } catch {
    return { kind: 'none' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'none' };
  const href = url.href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  if (pmtiles) return { kind: 'pmtiles', url: href };
  return /\{z\}/.test(href) && /\{x\}/.test(href) && /\{y\}/.test(href) ? { kind: 'xyz', url: href } : { kind: 'none' };
}

import L from 'leaflet';
import { PMTiles, TileType } from 'pmtiles';
import type { Basemap } from './basemap';

const MIME: Partial<Record<TileType, string>> = {
  [TileType.Png]: 'image/png',
  [TileType.Jpeg]: 'image/jpeg',
  [TileType.Webp]: 'image/webp',
  [TileType.Avif]: 'image/avif',
};

/**
 * A raster PMTiles archive as a Leaflet layer: each tile is an HTTP range request into the one
 * file next to index.html (static hosting, no tile server), shown through a blob: URL (the CSP
 * allows blob: images). Not pmtiles' own `leafletRasterLayer`: that one needs a global `L`.
 */
function pmtilesLayer(archive: PMTiles, type: TileType, minZoom: number, maxZoom: number): L.GridLayer {
  const Layer = L.GridLayer.extend({
    createTile(coords: L.Coords, done: L.DoneCallback) {
      const img = document.createElement('img');
      img.alt = '';
      archive
        .getZxy(coords.z, coords.x, coords.y)
        .then((tile) => {
          if (tile) {
            img.onload = () => URL.revokeObjectURL(img.src);
            img.src = URL.createObjectURL(new Blob([tile.data], { type: MIME[type] ?? 'image/png' }));
          } else img.style.visibility = 'hidden';
          done(undefined, img);
        })
        .catch((e: Error) => done(e, img));
      return img;
    },
  });
  const options: L.GridLayerOptions = { minNativeZoom: minZoom, maxNativeZoom: maxZoom, tileSize: 256 };
  return new (Layer as unknown as new (o: L.GridLayerOptions) => L.GridLayer)(options);
}

export interface BasemapResult {
  readonly layer: L.Layer | null;
  /** Why there is no basemap although one was configured (shown under the map). */
  readonly problem?: string;
}

/** The Leaflet layer for a basemap; a problem (unreachable file, vector tiles) leaves the graticule. */
export async function basemapLayer(basemap: Basemap): Promise<BasemapResult> {
  switch (basemap.kind) {
    case 'none':
      return { layer: null };
    case 'xyz':
      return { layer: L.tileLayer(basemap.url, { maxNativeZoom: 19, maxZoom: 22 }) };
    case 'pmtiles': {
      const archive = new PMTiles(basemap.url);
      try {
        const header = await archive.getHeader();
        if (!MIME[header.tileType as TileType]) return { layer: null, problem: 'The PMTiles file holds vector tiles; this map draws raster PMTiles (PNG, JPEG, WebP)' };
        return { layer: pmtilesLayer(archive, header.tileType, header.minZoom, header.maxZoom) };
      } catch (e) {
        return { layer: null, problem: `Basemap not loaded: ${(e as Error).message}` };
      }
    }
  }
}

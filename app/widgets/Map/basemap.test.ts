import { describe, expect, it } from 'vitest';
import { parseBasemap } from './basemap';

const base = 'https://hmi.plant.example/sightglass/index.html';

describe('parseBasemap', () => {
  it.each([
    ['nothing', undefined, { kind: 'none' }],
    ['blank', '  ', { kind: 'none' }],
    ['a PMTiles file next to index.html', 'maps/site.pmtiles', { kind: 'pmtiles', url: 'https://hmi.plant.example/sightglass/maps/site.pmtiles' }],
    ['a pmtiles:// URL', 'pmtiles://site.pmtiles', { kind: 'pmtiles', url: 'https://hmi.plant.example/sightglass/site.pmtiles' }],
    ['a tile folder template', 'tiles/{z}/{x}/{y}.png', { kind: 'xyz', url: 'https://hmi.plant.example/sightglass/tiles/{z}/{x}/{y}.png' }],
    ['an absolute template', 'https://tiles.example/{z}/{x}/{y}.png', { kind: 'xyz', url: 'https://tiles.example/{z}/{x}/{y}.png' }],
    ['a template without {y}', 'tiles/{z}/{x}.png', { kind: 'none' }],
    ['a javascript: URL', 'javascript:alert(1)//{z}{x}{y}', { kind: 'none' }],
  ])('%s', (_name, tiles, expected) => expect(parseBasemap(tiles, base)).toEqual(expected));
});

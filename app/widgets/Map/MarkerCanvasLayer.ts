import L from 'leaflet';
import { assertNever } from '../../lib/assertNever';
import { drawQueue } from '../common/drawQueue';
import { graticule } from './graticule';
import { PRIORITY_VAR } from './markerStyle';
import type { MarkerView, Priority } from './types';

const RADIUS = 4;
const HIT_PX = 10;
const ORDER: readonly (Priority | undefined)[] = [undefined, 'low', 'medium', 'high', 'critical'];

/**
 * Every marker, its trail and (without a basemap) the graticule on ONE canvas, drawn in a single
 * pass from plain arrays. Leaflet's own canvas renderer with one circleMarker + polyline per
 * vehicle spent 250–320 ms a second re-projecting 4 000 layer objects for 2 000 vehicles
 * (README.md); here an update is one projection loop and a few paths, drawn through the shared
 * draw queue (at most 8 ms of drawing per frame across widgets). The canvas covers the map's
 * view and is redrawn after each pan or zoom (zoom animation is off: calm, ISA-101).
 */
export class MarkerCanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private markers: readonly MarkerView[] = [];
  private selected: string | null = null;
  private grid = false;
  /** Container-pixel positions from the last draw, for picking: [x0, y0, x1, y1, …]. */
  private drawn = new Float64Array(0);
  private drawnIds: string[] = [];
  /** Colours come from the theme's CSS variables: a theme switch redraws. */
  private readonly themeWatch = new MutationObserver(() => this.schedule());

  constructor(private readonly onPick: (id: string | null) => void) {
    super();
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'sg-map-canvas');
    this.canvas.style.pointerEvents = 'none';
    map.getPanes().overlayPane.appendChild(this.canvas);
    map.on('moveend zoomend resize viewreset', this.schedule, this);
    map.on('click', this.pick, this);
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.schedule();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.schedule, this);
    map.off('click', this.pick, this);
    this.themeWatch.disconnect();
    drawQueue.cancel(this);
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  setData(markers: readonly MarkerView[], selected: string | null, grid: boolean): void {
    this.markers = markers;
    this.selected = selected;
    this.grid = grid;
    this.schedule();
  }

  /** Redraw in a coming frame (coalesced). */
  schedule(): void {
    if (this._map && this.canvas) drawQueue.schedule(this, () => this.draw());
  }

  private pick(e: L.LeafletMouseEvent): void {
    const { x, y } = e.containerPoint;
    let best = -1;
    let bestD = HIT_PX * HIT_PX;
    for (let i = 0; i < this.drawnIds.length; i++) {
      const d = (this.drawn[2 * i] - x) ** 2 + (this.drawn[2 * i + 1] - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    this.onPick(best >= 0 ? this.drawnIds[best] : null);
  }

  private draw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * dpr) || canvas.height !== Math.round(size.y * dpr)) {
      canvas.width = Math.round(size.x * dpr);
      canvas.height = Math.round(size.y * dpr);
      canvas.style.width = `${size.x}px`;
      canvas.style.height = `${size.y}px`;
    }
    // The overlay pane moves while dragging; the canvas sits where the view's top-left is now.
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const css = getComputedStyle(map.getContainer());
    const colour = (name: string) => css.getPropertyValue(name).trim() || '#8a8f94';
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const px = projector(map);
    if (this.grid) this.drawGrid(ctx, map, colour('--color-hmi-border'), colour('--color-hmi-muted'));

    // Trails: one path for all of them.
    ctx.beginPath();
    for (const m of this.markers) {
      const t = m.trail;
      if (!t || t.length < 4) continue;
      const p0 = px(t[0], t[1]);
      ctx.moveTo(p0.x, p0.y);
      for (let i = 2; i < t.length; i += 2) {
        const p = px(t[i], t[i + 1]);
        ctx.lineTo(p.x, p.y);
      }
    }
    ctx.strokeStyle = colour('--color-hmi-muted');
    ctx.globalAlpha = 0.6;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.globalAlpha = 1;

    // Markers: normal ones first, the most urgent last (on top); a path per look.
    const n = this.markers.length;
    if (this.drawn.length < 2 * n) this.drawn = new Float64Array(2 * n);
    this.drawnIds = new Array<string>(n);
    const byLook = new Map<Priority | undefined, number[]>();
    this.markers.forEach((m, i) => {
      const p = px(m.lat, m.lon);
      this.drawn[2 * i] = p.x;
      this.drawn[2 * i + 1] = p.y;
      this.drawnIds[i] = m.id;
      const list = byLook.get(m.priority) ?? [];
      list.push(i);
      byLook.set(m.priority, list);
    });
    ctx.strokeStyle = colour('--color-hmi-text');
    for (const look of ORDER) {
      const list = byLook.get(look);
      if (!list) continue;
      ctx.beginPath();
      for (const i of list) shape(ctx, look, this.drawn[2 * i], this.drawn[2 * i + 1]);
      ctx.fillStyle = look ? colour(PRIORITY_VAR[look]) : colour('--color-stale');
      ctx.fill();
      ctx.stroke();
    }
    const sel = this.selected === null ? -1 : this.drawnIds.indexOf(this.selected);
    if (sel >= 0) {
      ctx.beginPath();
      ctx.arc(this.drawn[2 * sel], this.drawn[2 * sel + 1], RADIUS + 5, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = colour('--color-hmi-focus');
      ctx.stroke();
    }
  }

  private drawGrid(ctx: CanvasRenderingContext2D, map: L.Map, line: string, text: string): void {
    const b = map.getBounds();
    const lines = graticule([b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]);
    ctx.beginPath();
    for (const l of lines) {
      const a = map.latLngToContainerPoint(l.from as [number, number]);
      const z = map.latLngToContainerPoint(l.to as [number, number]);
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(z.x, z.y);
    }
    ctx.strokeStyle = line;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.fillStyle = text;
    ctx.font = '10px system-ui, sans-serif';
    const decimals = Math.max(0, -Math.floor(Math.log10(Math.abs(lines[1]?.value - lines[0]?.value) || 1)));
    for (const l of lines) {
      const label = `${l.value.toFixed(decimals)}°`;
      if (l.kind === 'lat') ctx.fillText(label, 2, map.latLngToContainerPoint([l.value, b.getWest()]).y - 2);
      else ctx.fillText(label, map.latLngToContainerPoint([b.getNorth(), l.value]).x + 2, 10);
    }
  }
}

/** A marker's shape by look: circle when normal, square for critical/high, triangles for medium/low. */
function shape(ctx: CanvasRenderingContext2D, look: Priority | undefined, x: number, y: number): void {
  const r = look ? RADIUS + 2 : RADIUS;
  switch (look) {
    case undefined:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'critical':
    case 'high':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    case 'medium':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.lineTo(x - r, y + r);
      ctx.closePath();
      return;
    case 'low':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y - r);
      ctx.lineTo(x, y + r);
      ctx.closePath();
      return;
    default:
      assertNever(look, 'marker look');
  }
}

/**
 * latLngToContainerPoint without its two objects per call (Web Mercator, as Leaflet's EPSG:3857):
 * 2 000 markers with 20-point trails are 42 000 projections per redraw.
 */
export function projector(map: L.Map): (lat: number, lon: number) => { x: number; y: number } {
  const scale = 256 * 2 ** map.getZoom();
  const origin = map.getPixelOrigin();
  const offset = map.containerPointToLayerPoint([0, 0]);
  const dx = origin.x + offset.x;
  const dy = origin.y + offset.y;
  const out = { x: 0, y: 0 };
  const MAX = 85.0511287798;
  return (lat, lon) => {
    const phi = (Math.max(-MAX, Math.min(MAX, lat)) * Math.PI) / 180;
    out.x = scale * (lon / 360 + 0.5) - dx;
    out.y = scale * (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) - dy;
    return out;
  };
}

import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RowsSpec } from '../../../src/rows';
import { useElementSize } from '../common/useBox';
import type { WidgetProps } from '../types';
import { parseBasemap } from './basemap';
import { basemapLayer } from './basemapLayer';
import { MarkerCanvasLayer } from './MarkerCanvasLayer';
import { MarkerDetails } from './MarkerDetails';
import MarkerList from './MarkerList';
import { markerBounds, toMarkers, watchPaths } from './markers';
import { useRows } from '../../rows/useRows';
import { DEFAULT_TRAIL, type ColorBy, type MapPositions } from './types';
import { useTopicAlarms } from './useTopicAlarms';
import { useT } from '../../i18n/useT';

/** The UI takes new rows at most this often (the worker sends changed rows every frame). */
const ROWS_THROTTLE_MS = 250;

/**
 * Map (issue 15): a marker per topic matching `positions.topic`, with a trail of its last
 * positions, grey when normal and in alarm colours (with a shape) when its `colorBy` state or
 * its topic's alarm is abnormal. Basemap from `tiles` (raster `{z}/{x}/{y}` or a raster
 * `.pmtiles` file next to index.html), else a plain graticule. Leaflet, chosen by measurement
 * (README.md). Loaded lazily: a dashboard without a map loads none of this.
 */
function MapWidget({ widget, instanceId }: WidgetProps) {
  const t = useT();
  const positions = widget.positions as MapPositions | undefined;
  const colorBy = widget.colorBy as ColorBy | undefined;
  const trail = typeof widget.trail === 'number' ? widget.trail : DEFAULT_TRAIL;
  const lat = positions?.lat || 'lat';
  const lon = positions?.lon || 'lon';
  const colorPath = colorBy?.path;
  const colorValues = JSON.stringify(colorBy?.values ?? {});
  const colorByMemo = useMemo<ColorBy | undefined>(() => (colorPath ? { path: colorPath, values: JSON.parse(colorValues) as ColorBy['values'] } : undefined), [colorPath, colorValues]);
  const fieldsSig = (positions?.fields ?? []).join('\u0000');
  const paths = useMemo(() => watchPaths(lat, lon, colorByMemo, fieldsSig ? fieldsSig.split('\u0000') : []), [lat, lon, colorByMemo, fieldsSig]);
  const topic = positions?.topic ?? '';
  const connection = positions?.connection ?? '';
  const spec = useMemo<RowsSpec | null>(() => (topic ? { connection, topic, paths, ...(trail > 0 ? { trail } : {}) } : null), [topic, connection, paths, trail]);
  const snapshot = useRows(instanceId, spec, ROWS_THROTTLE_MS);
  const alarmOf = useTopicAlarms();
  const { markers, withoutPosition } = useMemo(
    () => toMarkers(snapshot.rows.values(), paths, colorByMemo, alarmOf),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows change in place; version says when
    [snapshot.version, snapshot.rows, paths, colorByMemo, alarmOf],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [basemapProblem, setBasemapProblem] = useState<string | null>(null);
  const [hasBasemap, setHasBasemap] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<MarkerCanvasLayer | null>(null);
  /** Set once the user pans or zooms: from then on the view is theirs. */
  const userViewRef = useRef(false);
  const size = useElementSize(boxRef);
  const onPick = useCallback((id: string | null) => setSelected(id), []);

  useEffect(() => {
    // No zoom/fade animation: calm (ISA-101), and the marker canvas redraws once per view change.
    const map = L.map(boxRef.current!, { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, minZoom: 1, maxZoom: 20, worldCopyJump: false, attributionControl: false });
    map.setView([20, 0], 1);
    const layer = new MarkerCanvasLayer(onPick).addTo(map);
    const taken = () => {
      userViewRef.current = true;
    };
    const box = map.getContainer();
    for (const type of ['mousedown', 'wheel', 'touchstart', 'keydown'] as const) box.addEventListener(type, taken, { passive: true });
    mapRef.current = map;
    layerRef.current = layer;
    return () => {
      map.remove();
      mapRef.current = null;
      layerRef.current = null;
    };
  }, [onPick]);

  const tiles = typeof widget.tiles === 'string' ? widget.tiles : undefined;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    let layer: L.Layer | null = null;
    let cancelled = false;
    setBasemapProblem(null);
    setHasBasemap(false);
    void basemapLayer(parseBasemap(tiles, document.baseURI)).then((result) => {
      if (cancelled) return;
      layer = result.layer;
      if (layer) layer.addTo(map);
      setHasBasemap(!!layer);
      setBasemapProblem(result.problem ?? null);
    });
    return () => {
      cancelled = true;
      if (layer) map.removeLayer(layer);
    };
  }, [tiles]);

  useEffect(() => {
    layerRef.current?.setData(markers, selected, !hasBasemap);
  }, [markers, selected, hasBasemap]);

  // Fit the view to the markers when the first ones arrive, and again while markers appear
  // outside it (they come one topic at a time), until the user pans or zooms.
  useEffect(() => {
    const map = mapRef.current;
    const b = markerBounds(markers);
    if (!map || !b || userViewRef.current || size.width === 0) return;
    if (map.getZoom() > 1 && map.getBounds().contains([[b[0], b[1]], [b[2], b[3]]])) return;
    const pad = Math.max(0.002, (b[2] - b[0]) * 0.05, (b[3] - b[1]) * 0.05);
    map.fitBounds([[b[0] - pad, b[1] - pad], [b[2] + pad, b[3] + pad]], { maxZoom: 16, animate: false });
  }, [markers, size.width]);

  useEffect(() => {
    if (size.width > 0 && size.height > 0) mapRef.current?.invalidateSize({ animate: false });
  }, [size.width, size.height]);

  const markersRef = useRef(markers);
  markersRef.current = markers;
  const select = useCallback((id: string) => {
    setSelected(id);
    const m = markersRef.current.find((x) => x.id === id);
    if (m && mapRef.current && !mapRef.current.getBounds().contains([m.lat, m.lon])) mapRef.current.panTo([m.lat, m.lon], { animate: false });
  }, []);
  const selectedMarker = selected === null ? undefined : markers.find((m) => m.id === selected);

  return (
    <div className="flex h-full min-h-0 flex-col gap-1" onKeyDown={(e) => e.key === 'Escape' && setSelected(null)}>
      <div className="relative min-h-[80px] flex-1 overflow-hidden rounded border border-hmi-border">
        <div ref={boxRef} role="region" aria-label={t('Map area')} className="sg-map absolute inset-0" />
        {selectedMarker && <MarkerDetails marker={selectedMarker} onClose={() => setSelected(null)} />}
      </div>
      {!topic && <p className="text-hmi-muted">{t('No positions topic: edit the widget and set one (e.g. fleet/+/gps).')}</p>}
      {basemapProblem && <p role="status" className="text-xs text-hmi-muted">{basemapProblem}</p>}
      <MarkerList markers={markers} withoutPosition={withoutPosition} selected={selected} onSelect={select} />
    </div>
  );
}

export default memo(MapWidget);

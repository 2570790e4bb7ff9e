import { useMemo } from 'react';
import ReactGridLayout, { useContainerWidth, type Layout } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import 'react-resizable/css/styles.css';
import './grid.css';
import type { DashboardConfig, WidgetConfig } from '../../src/config';
import { widgetType } from '../widgets/registry';
import { WidgetFrame } from '../widgets/WidgetFrame';
import { deleteWidget, saveLayout } from './dashboardActions';
import { COLS, placeWidgets, ROW_HEIGHT, stacked, type Cell } from './layout';
import { useT } from '../i18n/useT';

const NARROW_PX = 640;
const sizeOf = (type: string) => widgetType(type)?.defaultSize ?? { w: 4, h: 6 };

/**
 * The dashboard grid (react-grid-layout). View mode is static; edit mode drags by the handle
 * and resizes from the corner, and the new places are saved into the site config when a drag
 * or resize ends. A narrow screen shows one column and is not editable.
 */
export function DashboardGrid({ dashboard, editing, onEdit }: { dashboard: DashboardConfig; editing: boolean; onEdit(widget: WidgetConfig): void }) {
  const t = useT();
  // Measure first: a first render at the default 1280 px would slide every widget into place.
  const { width, containerRef, mounted } = useContainerWidth({ measureBeforeMount: true });
  const narrow = width < NARROW_PX;
  const cells = useMemo(() => {
    const placed = placeWidgets(dashboard.widgets, sizeOf);
    return narrow ? stacked(placed) : placed;
  }, [dashboard.widgets, narrow]);
  const layout = useMemo(
    () => cells.map((c) => ({ ...c, minW: narrow ? 1 : widgetType(dashboard.widgets.find((w) => w.id === c.i)?.type ?? '')?.minSize?.w, minH: widgetType(dashboard.widgets.find((w) => w.id === c.i)?.type ?? '')?.minSize?.h })),
    [cells, narrow, dashboard.widgets],
  );
  const canEdit = editing && !narrow;
  const save = (next: Layout) => saveLayout(dashboard.id, next.map((c): Cell => ({ i: c.i, x: c.x, y: c.y, w: c.w, h: c.h })));

  return (
    <div ref={containerRef} className="min-h-full">
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: narrow ? 1 : COLS, rowHeight: ROW_HEIGHT, margin: [8, 8], containerPadding: [8, 8] }}
          dragConfig={{ enabled: canEdit, handle: '.sg-drag-handle' }}
          resizeConfig={{ enabled: canEdit }}
          onDragStop={save}
          onResizeStop={save}
        >
          {dashboard.widgets.map((w) => (
            <div key={w.id}>
              <WidgetFrame
                widget={w}
                scope={dashboard.id}
                controls={
                  editing ? (
                    <>
                      {canEdit && (
                        <span className="sg-drag-handle cursor-move select-none rounded border border-hmi-border bg-hmi-raised px-1.5 text-xs" title={t('Drag to move')} aria-hidden="true">
                          {t('⠿ Move')}
                        </span>
                      )}
                      <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-1.5 text-xs" onClick={() => onEdit(w)}>
                        {t('Edit widget')}
                      </button>
                      <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-1.5 text-xs" onClick={() => deleteWidget(dashboard.id, w.id)}>
                        {t('Remove widget')}
                      </button>
                    </>
                  ) : undefined
                }
              />
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}

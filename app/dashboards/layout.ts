import type { WidgetConfig } from '../../src/config';

/** A widget's place on the 12-column grid (react-grid-layout's LayoutItem shape). */
export interface Cell {
  readonly i: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const COLS = 12;
export const ROW_HEIGHT = 40;
const DEFAULT_SIZE = { w: 4, h: 6 };

const overlaps = (a: Omit<Cell, 'i'>, b: Omit<Cell, 'i'>) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The first free place (top to bottom, left to right) for a w × h widget. */
export function firstFree(occupied: readonly Omit<Cell, 'i'>[], w: number, h: number, cols = COLS): { x: number; y: number } {
  w = Math.min(w, cols);
  for (let y = 0; ; y++) {
    for (let x = 0; x + w <= cols; x++) {
      const cell = { x, y, w, h };
      if (!occupied.some((o) => overlaps(o, cell))) return { x, y };
    }
  }
}

/** Every widget's cell: its saved layout, or the first free place for its type's default size. */
export function placeWidgets(widgets: readonly WidgetConfig[], sizeOf: (type: string) => { w: number; h: number } = () => DEFAULT_SIZE, cols = COLS): Cell[] {
  const cells: Cell[] = [];
  const pending: WidgetConfig[] = [];
  for (const w of widgets) {
    if (w.layout) cells.push({ i: w.id, x: Math.min(w.layout.x, cols - 1), y: w.layout.y, w: Math.min(w.layout.w, cols), h: w.layout.h });
    else pending.push(w);
  }
  for (const w of pending) {
    const size = sizeOf(w.type);
    const at = firstFree(cells, size.w, size.h, cols);
    cells.push({ i: w.id, ...at, w: Math.min(size.w, cols), h: size.h });
  }
  return widgets.map((w) => cells.find((c) => c.i === w.id)!);
}

/** A narrow screen stacks the widgets in one column, in reading order of the wide layout. */
export function stacked(cells: readonly Cell[]): Cell[] {
  let y = 0;
  return [...cells]
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((c) => {
      const cell = { i: c.i, x: 0, y, w: 1, h: c.h };
      y += c.h;
      return cell;
    });
}

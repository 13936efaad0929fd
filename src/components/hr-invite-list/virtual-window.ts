/** Window maths for fixed-height virtualized rows. Pure: no DOM. */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  /** Rows that exist (loaded). */
  count: number;
  /** Extra rows rendered before and after the visible ones. */
  overscan: number;
}

export interface RowRange {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

/** Rows that can show at once in `viewportHeight` (a partly scrolled one at each edge included). */
const visibleRows = (viewportHeight: number, rowHeight: number) => Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;

/** The most rows `visibleRange` returns for this viewport: no two rows of one window share `index % windowSize`. */
export function windowSize({ viewportHeight, rowHeight, overscan }: Omit<WindowInput, 'scrollTop' | 'count'>): number {
  return rowHeight > 0 ? visibleRows(viewportHeight, rowHeight) + 2 * overscan : 1;
}

/** The rows to render for a scroll position: the visible ones plus `overscan` on each side. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = visibleRows(viewportHeight, rowHeight);
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end) };
}

/** Fetch the next page when the rendered window comes within `threshold` rows of the loaded end. */
export function needsMore(range: RowRange, loaded: number, hasMore: boolean, threshold: number): boolean {
  return hasMore && range.end + threshold >= loaded;
}

/**
 * The scrollTop that shows row `index` whole inside a viewport of `viewportHeight` (below a
 * sticky header of `headerHeight`); unchanged when it is already visible.
 */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number, headerHeight = 0): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  const visibleHeight = Math.max(rowHeight, viewportHeight - headerHeight);
  if (top < scrollTop) return top;
  if (bottom > scrollTop + visibleHeight) return bottom - visibleHeight;
  return scrollTop;
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

/**
 * The row focus moves to for a key (`Home`/`End` here mean Ctrl+Home/Ctrl+End: first/last row).
 * `count` rows exist; `pageRows` rows fit the viewport. Returns the same index at the edges.
 */
export function moveRow(key: GridKey, index: number, count: number, pageRows: number): number {
  if (count <= 0) return 0;
  const page = Math.max(1, pageRows);
  const target = {
    ArrowUp: index - 1,
    ArrowDown: index + 1,
    PageUp: index - page,
    PageDown: index + page,
    Home: 0,
    End: count - 1,
  }[key];
  return Math.min(count - 1, Math.max(0, target));
}

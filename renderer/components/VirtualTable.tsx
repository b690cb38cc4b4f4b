import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface Column<T> {
  header: string;
  numeric?: boolean;
  cell(row: T): ReactNode;
}

const ROW_HEIGHT = 40;

/**
 * A table that renders only the rows in view, for lists that can run to thousands (a 30-year
 * schedule, ten years of transactions). Rows keep table semantics through ARIA roles.
 */
export function VirtualTable<T>(props: {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey(row: T): string;
  rowClassName?(row: T): string | undefined;
  template: string;
  height?: string;
  /** The row to bring into view first (the next due of a long schedule). */
  initialIndex?: number;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is not memoizable by design.
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    ...(props.initialIndex !== undefined && props.initialIndex > 0 ? { initialOffset: Math.max(0, props.initialIndex - 2) * ROW_HEIGHT } : {}),
  });
  return (
    <div className="virtual-table" role="table" aria-label={props.label} aria-rowcount={props.rows.length + 1} style={{ ['--columns' as string]: props.template }}>
      <div role="row" className="virtual-row header">
        {props.columns.map((column) => (
          <span role="columnheader" key={column.header} className={column.numeric ? 'num' : undefined}>
            {column.header}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="virtual-scroll" style={props.height ? { height: props.height } : undefined}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = props.rows[item.index];
            if (row === undefined) return null;
            return (
              <div
                role="row"
                aria-rowindex={item.index + 2}
                key={props.rowKey(row)}
                className={`virtual-row ${props.rowClassName?.(row) ?? ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {props.columns.map((column) => (
                  <span role="cell" key={column.header} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

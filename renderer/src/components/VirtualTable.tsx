import { Fragment, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { Table, type MantineSpacing } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLangOf } from '../lang';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /**
   * 'fit': as wide as its widest content (a date, a badge, a number), never wrapped or cut. Otherwise the
   * column's share of the width left (a CSS width): its text stays on one line and ends in an ellipsis when
   * cut, with the full text as the cell's tooltip, so a list holds in a narrow window (issue #17).
   */
  width: string;
  cell: (row: T) => ReactNode;
  /** The full text of a cell drawn as more than a string, for its tooltip. */
  text?: (row: T) => string;
  align?: 'left' | 'right';
  fw?: number;
  style?: CSSProperties;
  /** A shrinking column whose text may take two lines before it is cut (titles that differ only at their end). */
  lines?: 2;
}

/** What a row drawn by `renderRow` spreads on its <tr>: it is measured, and counted in the table. */
export interface VirtualRowProps {
  ref: (element: HTMLTableRowElement | null) => void;
  'data-index': number;
  'aria-rowindex': number;
}

/** A column's width that is its content's (see Column.width). */
export const FIT = 'fit';
const classOf = (c: { width: string; lines?: 2 }) => (c.width === FIT ? 'list-fit' : c.lines ? 'list-clip list-lines' : 'list-clip');

/** How close to the end of the loaded rows (in rows) the next page is asked for. */
const PREFETCH_ROWS = 30;

/**
 * A long list as a table whose rows are rendered only while in view: the header stays visible,
 * the body scrolls, and `onEndReached` asks for the next page when the loaded rows run out.
 * Rows keep the table semantics (role=row, aria-rowindex of `total`); Enter or Space opens one,
 * the arrow keys move between rows.
 */
export function VirtualTable<T>({
  rows,
  total,
  columns,
  rowKey,
  onOpen,
  onEndReached,
  ariaLabel,
  testId,
  estimateRowHeight,
  verticalSpacing = 'sm',
  renderRow,
  focusRef,
}: {
  rows: T[];
  total: number;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onOpen: (row: T) => void;
  onEndReached: () => void;
  ariaLabel: string;
  testId: string;
  estimateRowHeight: number;
  verticalSpacing?: MantineSpacing;
  /** Draws a row with its own cells and keys instead of the clickable row of the columns' cells. */
  renderRow?: (row: T, index: number, props: VirtualRowProps) => ReactNode;
  /** Set to a function that scrolls a row into view and focuses it (for keys that move between rows). */
  focusRef?: { current: ((index: number) => void) | null };
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);
  const lang = useLangOf();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateRowHeight,
    overscan: 8,
    getItemKey: (index) => rowKey(rows[index]!),
  });

  // The body reaches at most to the bottom of the window, so the page itself does not scroll.
  useLayoutEffect(() => {
    const fit = () => {
      const top = scroller.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(240, Math.floor(window.innerHeight - top - 16)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);

  const items = virtualizer.getVirtualItems();
  const last = items.length > 0 ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (rows.length < total && last >= rows.length - PREFETCH_ROWS) onEndReached();
  }, [last, rows.length, total, onEndReached]);

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus());
  };
  if (focusRef) focusRef.current = focusRow;

  const before = items.length > 0 ? items[0]!.start : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const spacer = (size: number, key: string) =>
    size > 0 ? (
      <tr key={key} aria-hidden role="presentation" style={{ height: size }}>
        <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
      </tr>
    ) : null;

  return (
    <div
      ref={scroller}
      // A container: when narrow, its shrinking columns keep a width of their own and it scrolls sideways (app.css).
      style={{ maxHeight: height, overflowY: 'auto', overflowX: 'auto', overflowAnchor: 'none', containerType: 'inline-size', containerName: 'list' }}
      data-testid={`${testId}-scroller`}
    >
      <Table
        highlightOnHover
        verticalSpacing={verticalSpacing}
        aria-label={ariaLabel}
        aria-rowcount={total + 1}
        data-testid={testId}
        style={{ width: '100%' }}
        stickyHeader
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width === FIT ? undefined : c.width }} />
          ))}
        </colgroup>
        <Table.Thead style={{ zIndex: 1 }}>
          <Table.Tr aria-rowindex={1}>
            {columns.map((c) => (
              <Table.Th
                key={c.key}
                ta={c.align}
                className={classOf({ width: c.width })}
                title={c.width !== FIT && typeof c.header === 'string' ? c.header : undefined}
              >
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spacer(before, 'before')}
          {items.map((item) => {
            const row = rows[item.index]!;
            if (renderRow) {
              const props = { ref: virtualizer.measureElement, 'data-index': item.index, 'aria-rowindex': item.index + 2 };
              return <Fragment key={item.key}>{renderRow(row, item.index, props)}</Fragment>;
            }
            return (
              <Table.Tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                className={item.index % 2 === 0 ? 'clickable-row virtual-row-odd' : 'clickable-row'}
                tabIndex={0}
                onClick={() => onOpen(row)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(row);
                  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    focusRow(item.index + (e.key === 'ArrowDown' ? 1 : -1));
                  }
                }}
              >
                {columns.map((c) => {
                  const content = c.cell(row);
                  const text = c.text ? c.text(row) : typeof content === 'string' ? content : undefined;
                  // A name or title in the other language than the UI's is read with its own voice.
                  return (
                    <Table.Td
                      key={c.key}
                      ta={c.align}
                      fw={c.fw}
                      style={c.style}
                      className={classOf(c)}
                      title={c.width === FIT ? undefined : text || undefined}
                      {...(typeof content === 'string' ? lang(content) : {})}
                    >
                      {c.lines ? <div className="list-clamp">{content}</div> : content}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
          {spacer(after, 'after')}
        </Table.Tbody>
      </Table>
    </div>
  );
}

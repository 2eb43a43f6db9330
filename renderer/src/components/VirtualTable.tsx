// A big list as a Mantine Table (DOM), virtualised with @tanstack/react-virtual: only the rows in
// view (plus a few) are in the DOM, spacer rows above and below keep the scroll height true, and the
// visible range asks usePagedRows for the pages it needs. Rows have one fixed height (cells do not
// wrap) so scrolling never jumps; the layout is fixed so columns do not move as pages arrive.
import { memo, useEffect, useRef } from 'react';
import { Center, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { PagedRows } from './usePagedRows';
import { formatCount } from './format';

export interface Column<T> {
  key: string;
  header: React.ReactNode;
  width?: number | string;
  /** When set, the header sorts by this key of the route's sort enum. */
  sortKey?: string;
  align?: 'left' | 'right' | 'center';
  render(row: T): React.ReactNode;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

interface Props<T> {
  columns: Column<T>[];
  rows: PagedRows<T>;
  rowKey(row: T): string | number;
  sort?: SortState;
  onSort?(next: SortState): void;
  onRowClick?(row: T): void;
  /** CSS height of the scrolling area. */
  height?: string;
  empty: React.ReactNode;
  testId?: string;
  /** A row's own state beyond its data (ticked for a bulk action): it renders again when this changes. */
  isSelected?(row: T): boolean;
}

const ROW_HEIGHT_PX = 41;
const OVERSCAN_ROWS = 12;

function SortHeader({ label, active, dir, onClick }: { label: React.ReactNode; active: boolean; dir: 'asc' | 'desc'; onClick(): void }): React.JSX.Element {
  return (
    <UnstyledButton onClick={onClick} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      {label} <Text span c={active ? 'inherit' : 'dimmed'} fz="xs">{active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</Text>
    </UnstyledButton>
  );
}

const cellStyle: React.CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', height: ROW_HEIGHT_PX };

interface RowProps<T> {
  row: T;
  index: number;
  columns: Column<T>[];
  /** Changes when the columns mean something else (another language, other columns). */
  columnsSig: string;
  onRowClick: ((row: T) => void) | undefined;
  selected: boolean;
}

function RowView<T>({ row, index, columns, onRowClick, selected }: RowProps<T>): React.JSX.Element {
  return (
    <Table.Tr
      data-index={index}
      data-selected={selected || undefined}
      data-testid="vrow"
      tabIndex={onRowClick ? 0 : undefined}
      style={onRowClick ? { cursor: 'pointer' } : undefined}
      onClick={onRowClick ? () => onRowClick(row) : undefined}
      onKeyDown={onRowClick ? (e) => e.key === 'Enter' && onRowClick(row) : undefined}
    >
      {columns.map((c) => (
        <Table.Td key={c.key} ta={c.align} style={cellStyle} data-col={c.key}>
          {c.render(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/**
 * A row renders again only when its data, its place or the columns' meaning change: while
 * scrolling, the rows already in view are left alone and only the ones coming in are rendered.
 * Pages build their columns and click handlers afresh on every render, so their identity is not
 * compared; what they show depends only on the row and on what columnsSig captures.
 */
const Row = memo(RowView, (a, b) => a.row === b.row && a.index === b.index && a.columnsSig === b.columnsSig && !a.onRowClick === !b.onRowClick && a.selected === b.selected) as typeof RowView;

export function VirtualTable<T>({ columns, rows, rowKey, sort, onSort, onRowClick, height = 'calc(100vh - 300px)', empty, testId, isSelected }: Props<T>): React.JSX.Element {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [ensure, first, last, count]);
  // A new filter or sort starts from the top (total goes back to null while the first page loads).
  const fresh = rows.total === null;
  useEffect(() => {
    if (fresh && scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [fresh]);

  const columnsSig = columns.map((c) => `${c.key}:${typeof c.header === 'string' ? c.header : ''}`).join('|');
  // Where the reader is in the list: the rows actually in view (the sticky head takes one row).
  const offset = virtualizer.scrollOffset ?? 0;
  const viewport = (virtualizer.scrollRect?.height ?? 0) - ROW_HEIGHT_PX;
  const inView = items.filter((i) => i.end > offset && i.start < offset + viewport);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div>
    <div ref={scrollRef} style={{ height, minHeight: 240, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }} data-testid={testId}>
      <Table layout="fixed" stickyHeader highlightOnHover={!!onRowClick} striped fz="sm" data-total={count}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} w={c.width} ta={c.align} style={{ whiteSpace: 'nowrap' }}>
                {c.sortKey && onSort && sort ? (
                  <SortHeader
                    label={c.header}
                    active={sort.key === c.sortKey}
                    dir={sort.dir}
                    onClick={() => onSort({ key: c.sortKey!, dir: sort.key === c.sortKey && sort.dir === 'asc' ? 'desc' : 'asc' })}
                  />
                ) : (
                  c.header
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && (
            <tr aria-hidden>
              <td colSpan={columns.length} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((v) => {
            const row = rows.getRow(v.index);
            if (!row) {
              return (
                <Table.Tr key={`loading-${v.index}`}>
                  <Table.Td colSpan={columns.length} style={cellStyle}>
                    <Skeleton height={12} radius="sm" />
                  </Table.Td>
                </Table.Tr>
              );
            }
            return <Row key={rowKey(row)} row={row} index={v.index} columns={columns} columnsSig={columnsSig} onRowClick={onRowClick} selected={isSelected?.(row) ?? false} />;
          })}
          {bottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columns.length} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {rows.total === 0 && (
        <Center p="xl">
          <Text c="dimmed">{empty}</Text>
        </Center>
      )}
    </div>
      {count > 0 && inView.length > 0 && (
        <Text size="xs" c="dimmed" ta="right" mt={4} data-testid={testId ? `${testId}-range` : undefined}>
          {t('common.range', { from: formatCount(inView[0]!.index + 1), to: formatCount(inView[inView.length - 1]!.index + 1), total: formatCount(count) })}
        </Text>
      )}
    </div>
  );
}

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { compareText, gridColumn, type SortState } from './columns.ts';
import { DataGrid } from './data-grid.tsx';

interface Item {
  id: string;
  name: string | null;
  count: number;
}

const ITEMS: Item[] = [
  { id: 'a', name: 'pool 10', count: 3 },
  { id: 'b', name: null, count: 1 },
  { id: 'c', name: 'Pool 9', count: 2 },
];

const columns = [
  gridColumn<Item>({
    columnId: 'name',
    header: 'Name',
    width: { grow: 2, min: 100 },
    compare: (a, b) => compareText(a.name, b.name),
    cell: (i) => <button type="button">{i.name ?? 'unnamed'}</button>,
  }),
  gridColumn<Item>({ columnId: 'count', header: 'Count', width: { basis: 80 }, align: 'end', cell: (i) => String(i.count) }),
];

function Grid({ initial }: { initial: SortState }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  return (
    <FluentProvider theme={webLightTheme}>
      <DataGrid
        items={ITEMS}
        columns={columns}
        getRowId={(i) => i.id}
        label="Things"
        rowHeight={40}
        defaultSort={initial}
        selection={{ selected, onChange: setSelected, selectAllLabel: 'Select all things', rowLabel: (i) => `Select ${i.name ?? i.id}` }}
      />
      <output aria-label="selected">{[...selected].sort().join(',')}</output>
    </FluentProvider>
  );
}

const names = () =>
  within(screen.getByRole('table', { name: 'Things' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('button')[0]?.textContent);

describe('DataGrid', () => {
  it('sorts by a column with a compare (text in natural order, missing last) and not by one without', async () => {
    render(<Grid initial={{ sortColumn: 'name', sortDirection: 'ascending' }} />);
    const table = screen.getByRole('table', { name: 'Things' });
    expect(table.getAttribute('aria-rowcount')).toBe('4');
    expect(names()).toEqual(['Pool 9', 'pool 10', 'unnamed']);

    const header = within(table).getByRole('columnheader', { name: /Name/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['unnamed', 'pool 10', 'Pool 9']);

    const count = within(table).getByRole('columnheader', { name: 'Count' });
    expect(within(count).queryByRole('button')).toBeNull();
    expect(count.getAttribute('aria-sort')).toBeNull();
  });

  it('selects rows one by one and all at once, naming each checkbox', async () => {
    render(<Grid initial={{ sortColumn: 'name', sortDirection: 'ascending' }} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Pool 9' }));
    expect(screen.getByLabelText('selected').textContent).toBe('c');
    expect(screen.getAllByRole('row')[3]?.getAttribute('aria-selected')).toBe('false');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all things' }));
    expect(screen.getByLabelText('selected').textContent).toBe('a,b,c');
  });

  it('is a keyboard stop of its own, so rows can be scrolled without a mouse', async () => {
    render(<Grid initial={{ sortColumn: 'name', sortDirection: 'ascending' }} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Things, scrollable' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select all things' }));
  });
});

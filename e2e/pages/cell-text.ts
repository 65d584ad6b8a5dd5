/** Whether a table's cells can be read whole: each text is either shown in full or can be reached another way. */
import { expect, type Locator, type Page } from '../fixtures.ts';

/** A cell (or header) whose text is cut, and what else gives its full value. */
export interface CutText {
  column: string;
  text: string;
  /** The full value is in a title or aria-label of the cut element, one inside it or one around it in the cell. */
  named: boolean;
  /** The cut element (or a link or control inside it) takes keyboard focus: its tooltip can show the value. */
  focusable: boolean;
  /** Where to focus it (data-cut-index set on it for this check). */
  index: number;
}

/**
 * Every element in the rendered rows and the header of `table` whose text is wider than its box
 * (scrollWidth > clientWidth: clipped, usually with an ellipsis), plus whether the scroll area
 * itself is wider than the page lets it be.
 */
export async function cutTexts(table: Locator): Promise<{ cut: CutText[]; tableOverflows: boolean }> {
  return table.evaluate((tableEl) => {
    const cut: CutText[] = [];
    const headers = [...tableEl.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent?.trim() ?? '');
    const focusableSelector = 'a[href], button, [tabindex]:not([tabindex="-1"])';
    let n = 0;
    for (const row of tableEl.querySelectorAll('[role="row"]')) {
      const cells = [...row.querySelectorAll('[role="cell"], [role="columnheader"]')];
      cells.forEach((cell, i) => {
        for (const el of [cell, ...cell.querySelectorAll('*')]) {
          if (!(el instanceof HTMLElement) || el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
          const text = el.textContent?.trim() ?? '';
          if (!text) continue;
          const around = [el, ...el.querySelectorAll('*')];
          for (let p = el.parentElement; p && cell.contains(p); p = p.parentElement) around.push(p);
          const named = around.some((a) => a.getAttribute('title') === text || (a.getAttribute('aria-label') ?? '').includes(text));
          const focusable = el.matches(focusableSelector) || el.querySelector(focusableSelector) !== null;
          el.dataset['cutIndex'] = String(n);
          cut.push({ column: headers[i] ?? String(i), text, named, focusable, index: n++ });
        }
      });
    }
    const scroller = tableEl.parentElement!;
    return { cut, tableOverflows: scroller.scrollWidth > scroller.clientWidth + 1 };
  });
}

/**
 * Checks that every cut text of `table` can be read: named (title/aria-label), or reachable by
 * keyboard with a tooltip that shows the whole value (checked by focusing the first cut cell of
 * each column), and that the table fits the page without scrolling sideways. Returns the cut texts.
 */
export async function expectReadableCells(page: Page, table: Locator): Promise<CutText[]> {
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const { cut, tableOverflows } = await cutTexts(table);
  expect(tableOverflows, 'the table fits the page without scrolling sideways').toBe(false);
  const unreadable = cut.filter((c) => !c.named && !c.focusable).map((c) => `${c.column}: ${c.text}`);
  expect(unreadable, 'cut cell texts with no other way to read them').toEqual([]);
  const byColumn = new Map<string, CutText>();
  for (const c of cut) if (!c.named && !byColumn.has(c.column)) byColumn.set(c.column, c);
  for (const c of byColumn.values()) {
    const el = table.locator(`[data-cut-index="${c.index}"]`);
    const target = (await el.evaluate((e) => e.matches('a[href], button, [tabindex]:not([tabindex="-1"])'))) ? el : el.locator('a[href], button, [tabindex]:not([tabindex="-1"])').first();
    await target.focus();
    await expect(page.getByRole('tooltip'), `the tooltip of the cut ${c.column} cell`).toContainText(c.text);
    await target.blur();
    await expect(page.getByRole('tooltip')).toHaveCount(0);
  }
  return cut;
}

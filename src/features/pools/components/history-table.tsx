import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../../../lib/format.ts';
import type { HistoryChange, HistoryRow } from '../lib/history-rows.ts';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  when: { whiteSpace: 'nowrap', verticalAlign: 'top' },
  top: { verticalAlign: 'top' },
  // No colour of its own: a hovered row changes the row's colours (cyan behind black in high contrast), and the text must follow them.
  note: { display: 'block' },
  changes: { margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  value: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

function ChangeText({ change }: { change: HistoryChange }) {
  const styles = useStyles();
  if (change.hidden) return <>{change.property}: not shown (it may hold activation codes or matching IDs)</>;
  const value = (v: string | null) => (v == null ? <em>none</em> : <span className={styles.value}>{v}</span>);
  return (
    <>
      {change.property}: {value(change.old)} → {value(change.new)}
    </>
  );
}

/** The pool's audit events, newest first: when, who (and through which app), what, and old → new values. */
export function HistoryTable({ rows, labelledBy }: { rows: readonly HistoryRow[]; labelledBy: string }) {
  const styles = useStyles();
  return (
    <Table aria-labelledby={labelledBy} size="small" className={styles.table}>
      <TableHeader>
        <StaticTableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>What</TableHeaderCell>
          <TableHeaderCell>Changes</TableHeaderCell>
        </StaticTableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <StaticTableRow key={r.id}>
            <TableCell className={styles.when}>{formatDateTime(r.when)}</TableCell>
            <TableCell className={styles.top}>
              {r.who}
              {r.via && <Text size={200} className={styles.note}>via {r.via}</Text>}
            </TableCell>
            <TableCell className={styles.top}>
              {r.action}{' '}
              {r.succeeded === false && (
                <Badge appearance="tint" color="danger">
                  Failed
                </Badge>
              )}
            </TableCell>
            <TableCell className={styles.top}>
              {r.changes.length === 0 ? (
                <Text className={styles.note}>No values recorded</Text>
              ) : (
                <ul className={styles.changes}>
                  {r.changes.map((c, i) => (
                    <li key={i}>
                      <ChangeText change={c} />
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
          </StaticTableRow>
        ))}
      </TableBody>
    </Table>
  );
}

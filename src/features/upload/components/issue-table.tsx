import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircleFilled, WarningFilled } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CsvField, CsvIssue } from '../csv/types.ts';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

/** Problems shown before "Show all": keeps a broken file's preview cheap to render. */
export const ISSUES_SHOWN = 50;
const PAGE_SIZE = 50;

const FIELD_LABEL: Record<CsvField, string> = {
  file: 'File',
  row: 'Row',
  smdpPlusServerAddress: 'SM-DP+ address',
  integratedCircuitCardIdentifier: 'ICCID',
  matchingIdentifier: 'Matching ID',
};

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  line: { width: '64px', fontVariantNumeric: 'tabular-nums' },
  field: { width: '128px' },
  severity: { width: '104px' },
  severityCell: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * A file's problems with line, field, severity and message. The first 50
 * are shown; "Show all" pages through the rest 50 at a time, so even a
 * hopeless file renders quickly.
 */
export function IssueTable({ issues, fileName }: { issues: readonly CsvIssue[]; fileName: string }) {
  const styles = useStyles();
  const [page, setPage] = useState<number | null>(null);
  const pages = Math.max(1, Math.ceil(issues.length / PAGE_SIZE));
  const shown = page === null ? issues.slice(0, ISSUES_SHOWN) : issues.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const first = page === null ? 0 : page * PAGE_SIZE;

  return (
    <div>
      <Table size="small" className={styles.table} aria-label={`Problems in ${fileName}`}>
        <TableHeader>
          <StaticTableRow>
            <TableHeaderCell className={styles.line}>Line</TableHeaderCell>
            <TableHeaderCell className={styles.field}>Field</TableHeaderCell>
            <TableHeaderCell className={styles.severity}>Severity</TableHeaderCell>
            <TableHeaderCell>Problem</TableHeaderCell>
          </StaticTableRow>
        </TableHeader>
        <TableBody>
          {shown.map((issue, i) => (
            <StaticTableRow key={first + i}>
              <TableCell className={styles.line}>{issue.line ?? '—'}</TableCell>
              <TableCell>{FIELD_LABEL[issue.field] ?? issue.field}</TableCell>
              <TableCell>
                <span className={styles.severityCell}>
                  {issue.severity === 'error' ? (
                    <ErrorCircleFilled aria-hidden className={styles.error} />
                  ) : (
                    <WarningFilled aria-hidden className={styles.warning} />
                  )}
                  {issue.severity === 'error' ? 'Error' : 'Warning'}
                </span>
              </TableCell>
              <TableCell>{issue.message}</TableCell>
            </StaticTableRow>
          ))}
        </TableBody>
      </Table>
      {issues.length > ISSUES_SHOWN && (
        <div className={styles.footer}>
          {page === null ? (
            <>
              <Text className={styles.muted}>
                Showing {ISSUES_SHOWN} of {issues.length} problems.
              </Text>
              <Button size="small" onClick={() => setPage(0)}>
                Show all {issues.length} problems
              </Button>
            </>
          ) : (
            <>
              <Text className={styles.muted} aria-live="polite">
                Problems {first + 1}–{first + shown.length} of {issues.length}
              </Text>
              <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button size="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
                Next
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setPage(null)}>
                Show fewer
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

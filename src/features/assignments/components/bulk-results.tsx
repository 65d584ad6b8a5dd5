import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatCount, plural } from '../../../lib/format.ts';
import { BatchPausedError } from '../../../graph/retry.ts';
import type { BulkHalt, BulkPool, PoolStatus } from '../hooks/use-bulk-assign-run.ts';
import { StatusCell } from './bulk-status-cell.tsx';
import { StaticTableRow } from '../../../components/static-table-row.tsx';

const useStyles = makeStyles({
  results: {
    maxHeight: '320px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  poolCol: { width: '40%' },
});

const clock = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export interface BulkResultsProps {
  pools: readonly BulkPool[];
  statuses: Record<string, PoolStatus>;
  running: boolean;
  halt: BulkHalt | null;
  counts: { finished: number; failed: number; notDone: number; succeeded: number };
}

/** Bulk assign, while running and after: overall progress, why the batch paused, and each pool's result. */
export function BulkResults({ pools, statuses, running, halt, counts }: BulkResultsProps) {
  const styles = useStyles();
  const { finished, failed, notDone, succeeded } = counts;
  return (
    <>
      <Field
        label={running ? 'Assigning…' : halt?.kind === 'paused' ? 'Paused' : 'Finished'}
        validationState={running ? 'none' : notDone > 0 ? (halt?.kind === 'paused' && failed === 0 ? 'warning' : 'error') : 'success'}
        validationMessage={
          running
            ? undefined
            : notDone > 0
              ? `${plural(succeeded, 'pool', 'pools')} done, ${plural(notDone, 'pool', 'pools')} not: see the reasons below.`
              : `All ${plural(succeeded, 'pool', 'pools')} done.`
        }
      >
        <ProgressBar value={pools.length ? finished / pools.length : 0} thickness="large" />
      </Field>
      {halt?.kind === 'paused' && !running && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Bulk assignment paused</MessageBarTitle>
            {new BatchPausedError(halt.retryAfterMs).message} You can resume after {clock(halt.resumeAfter)}.
          </MessageBarBody>
        </MessageBar>
      )}
      <Text role="status" aria-live="polite">
        {`${formatCount(finished)} of ${plural(pools.length, 'pool', 'pools')} finished`}
        {failed > 0 && `, ${formatCount(failed)} failed`}.
      </Text>
      <div className={styles.results}>
        <Table aria-label="Result per pool" size="small">
          <TableHeader>
            <StaticTableRow>
              <TableHeaderCell className={styles.poolCol}>Pool</TableHeaderCell>
              <TableHeaderCell>Result</TableHeaderCell>
            </StaticTableRow>
          </TableHeader>
          <TableBody>
            {pools.map((p) => (
              <StaticTableRow key={p.id}>
                <TableCell>
                  <TableCellLayout truncate>{p.displayName}</TableCellLayout>
                </TableCell>
                <TableCell>
                  <StatusCell status={statuses[p.id]} />
                </TableCell>
              </StaticTableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatCount } from '../../../components/format.ts';
import { useAssignmentCounts } from '../api/get-assignment-count.ts';
import { useDeviceStateCounts } from '../api/get-device-state-count.ts';
import type { PoolPlan } from '../lib/plan-batch.ts';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ReplaceDialogProps {
  open: boolean;
  /** Pools of the upload that replace an existing pool. */
  pools: PoolPlan[];
  /** Pools created alongside (for the summary line). */
  newCount: number;
  onConfirm: () => void;
  onCancel: () => void;
}

const s = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Replacing deletes a pool: say how many codes the new pool holds, that codes
 * not in the dropped files are gone, and how many devices use the old pool.
 */
export function ReplaceDialog({ open, pools, newCount, onConfirm, onCancel }: ReplaceDialogProps) {
  const styles = useStyles();
  const targets = pools.map((p) => (p.choice?.mode === 'replace' ? p.choice.poolId : '')).filter(Boolean);
  const devices = useDeviceStateCounts(targets, { enabled: open });
  const assignments = useAssignmentCounts(targets, { enabled: open });
  const counting = devices.some((q) => q.isPending) || assignments.some((q) => q.isPending);

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{pools.length === 1 ? `Replace “${pools[0]?.choice?.mode === 'replace' ? pools[0].choice.poolName : ''}”?` : `Replace ${pools.length} pools?`}</DialogTitle>
          <DialogContent className={styles.content}>
            <ul className={styles.list}>
              {pools.map((p, i) => {
                if (p.choice?.mode !== 'replace') return null;
                const old = p.choice;
                const deviceCount = devices[i]?.data;
                const assignmentCount = assignments[i]?.data;
                const newCodes = p.codes?.length ?? p.codeCount;
                return (
                  <li key={p.key} className={styles.item} data-testid="replace-summary">
                    <Text>
                      “{old.poolName}”{old.poolCodeCount !== undefined ? ` (${s(old.poolCodeCount, 'code')})` : ''} is deleted, then a new pool “{p.name}” is
                      created with <strong>{s(newCodes, 'code')}</strong> from {p.files.map((f) => f.file.name).join(', ')}.
                    </Text>
                    <Text>Codes of the old pool that are not in these files are gone for good.</Text>
                    {devices[i]?.isPending ? (
                      <Spinner size="extra-tiny" label="Counting devices that use the pool…" />
                    ) : devices[i]?.isError ? (
                      <MessageBar intent="warning">
                        <MessageBarBody>The devices that use “{old.poolName}” could not be counted.</MessageBarBody>
                      </MessageBar>
                    ) : deviceCount !== undefined && deviceCount > 0 ? (
                      <MessageBar intent="warning" layout="multiline">
                        <MessageBarBody>
                          {s(deviceCount, 'device')} currently {deviceCount === 1 ? 'uses' : 'use'} “{old.poolName}”. Deleting it may remove their eSIM
                          profiles at their next check-in (what Intune does is not documented).
                        </MessageBarBody>
                      </MessageBar>
                    ) : (
                      <Text>No device currently uses “{old.poolName}”.</Text>
                    )}
                    {assignmentCount !== undefined && assignmentCount > 0 && (
                      <Text>
                        It is assigned to {s(assignmentCount, 'group')}; assignments are not carried over, so assign the new pool after the upload.
                      </Text>
                    )}
                  </li>
                );
              })}
            </ul>
            {newCount > 0 && <Text>{s(newCount, 'other pool')} of this upload {newCount === 1 ? 'is' : 'are'} created as new.</Text>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={counting}>
              Replace and upload
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

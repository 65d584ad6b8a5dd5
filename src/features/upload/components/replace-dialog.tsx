import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format.ts';
import { usePoolsAssignments } from '../../../entities/assignments/get-pool-assignments.ts';
import { useDeviceStateCounts } from '../../../entities/pools/get-device-state-count.ts';
import { usePoolSummaries } from '../../../entities/pools/get-pool-summary.ts';
import type { PoolPlan } from '../lib/plan-batch.ts';
import { toAssignmentInputs, type ReplaceDecision } from '../lib/replace-steps.ts';
import type { OldPoolSnapshot } from '../lib/upload-runner.ts';
import { ReplaceItem } from './replace-item.tsx';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ReplaceDialogProps {
  open: boolean;
  /** Pools of the upload that replace an existing pool. */
  pools: PoolPlan[];
  /** Pools created alongside (for the summary line). */
  newCount: number;
  onConfirm: (decisions: Record<string, ReplaceDecision>) => void;
  onCancel: () => void;
}

const s = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
const message = (e: unknown) => (e ? describeError(e).message : undefined);

/**
 * Replacing deletes a pool. The dialog reads the old pool, its assignments and
 * its device states fresh, shows the counts and the one-time-use warning,
 * carries the assignments over unless told not to, and asks for the pool's
 * name when devices use it (as delete does).
 */
export function ReplaceDialog({ open, pools, newCount, onConfirm, onCancel }: ReplaceDialogProps) {
  const styles = useStyles();
  const replacing = pools.flatMap((p) => (p.choice?.mode === 'replace' ? [{ plan: p, old: p.choice }] : []));
  const ids = replacing.map((r) => r.old.poolId);
  const summaries = usePoolSummaries(ids, { enabled: open });
  const devices = useDeviceStateCounts(ids, { enabled: open });
  const assignments = usePoolsAssignments(ids, { enabled: open });
  const [carry, setCarry] = useState<Record<string, boolean>>({});
  const [typed, setTyped] = useState<Record<string, string>>({});

  const items = replacing.map(({ plan, old }, i) => {
    const summary = summaries[i];
    const count = devices[i];
    const list = assignments[i];
    const loading = !!(summary?.isFetching || count?.isFetching || list?.isFetching);
    const readError = summary?.data === null ? 'The pool no longer exists.' : (message(summary?.error) ?? message(count?.error) ?? message(list?.error));
    const snapshot: OldPoolSnapshot | undefined =
      !loading && summary?.data && count?.data !== undefined && list?.data
        ? { codeCount: summary.data.activationCodeCount, deviceStateCount: count.data, assignments: toAssignmentInputs(list.data) }
        : undefined;
    const newCodes = plan.codes?.length ?? plan.codeCount;
    // Unknown (the count failed) counts as "devices use it": the safe side.
    const mustTypeName = !loading && (!!count?.isError || (count?.data ?? 0) > 0);
    const nameOk = !mustTypeName || (typed[plan.key] ?? '').trim() === old.poolName.trim();
    const ready = !!snapshot && !readError && newCodes > 0 && nameOk;
    return { plan, old, snapshot, loading, readError, newCodes, mustTypeName, ready };
  });
  const canConfirm = items.length > 0 && items.every((it) => it.ready);

  const confirm = () => {
    if (!canConfirm) return;
    const decisions: Record<string, ReplaceDecision> = {};
    for (const it of items) if (it.snapshot) decisions[it.plan.key] = { confirmedOldPool: it.snapshot, carryAssignments: carry[it.plan.key] ?? true };
    onConfirm(decisions);
  };

  const title = replacing.length === 1 ? `Replace “${replacing[0]?.old.poolName ?? ''}”?` : `Replace ${replacing.length} pools?`;
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, data) => !data.open && onCancel()}>
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            confirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <ul className={styles.list}>
                {items.map((it, i) => (
                  <ReplaceItem
                    key={it.plan.key}
                    oldName={it.old.poolName}
                    newName={it.plan.name}
                    fileNames={it.plan.files.map((f) => f.file.name)}
                    newCount={it.newCodes}
                    oldCount={summaries[i]?.data?.activationCodeCount ?? it.old.poolCodeCount}
                    deviceCount={devices[i]?.data}
                    assignments={it.snapshot?.assignments}
                    loading={it.loading}
                    readError={it.readError}
                    carry={carry[it.plan.key] ?? true}
                    onCarryChange={(v) => setCarry((c) => ({ ...c, [it.plan.key]: v }))}
                    mustTypeName={it.mustTypeName}
                    typed={typed[it.plan.key] ?? ''}
                    onTypedChange={(v) => setTyped((t) => ({ ...t, [it.plan.key]: v }))}
                  />
                ))}
              </ul>
              {newCount > 0 && <Text>{s(newCount, 'other pool')} of this upload {newCount === 1 ? 'is' : 'are'} created as new.</Text>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!canConfirm}>
                Replace and upload
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

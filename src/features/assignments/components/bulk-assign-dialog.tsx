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
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Field,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  ClockRegular,
  DismissCircleFilled,
  PauseCircleRegular,
  SubtractCircleRegular,
} from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { describeError } from '../../../components/error-state.tsx';
import { formatCount } from '../../../components/format.ts';
import { graphKeys } from '../../../lib/query-keys.ts';
import { runBulkAssignMutation, type BulkPoolOutcome } from '../api/bulk-assign-pool.ts';
import type { BulkMode, BulkSet } from '../lib/bulk-plan.ts';
import { describeConflict, findConflicts } from '../lib/diff.ts';
import type { GroupMode } from '../lib/model.ts';
import { BULK_CONCURRENCY } from '../lib/limits.ts';
import { runWithConcurrency } from '../lib/run-bulk.ts';
import { GroupPicker, type GroupRef } from './group-picker.tsx';


const useStyles = makeStyles({
  surface: { maxWidth: '880px', width: 'calc(100vw - 48px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pickers: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  muted: { color: tokens.colorNeutralForeground2 },
  results: {
    maxHeight: '320px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  wait: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  poolCol: { width: '40%' },
  radioHint: { display: 'block', color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXXL },
});

type PoolStatus =
  | { state: 'queued' }
  | { state: 'reading' }
  | { state: 'saving' }
  | { state: 'throttled'; waitMs: number }
  | { state: 'succeeded'; outcome: BulkPoolOutcome }
  | { state: 'failed'; error: unknown }
  | { state: 'stopped' };

type Step = 'choose' | 'confirm' | 'running' | 'done';

interface BulkValues {
  included: GroupRef[];
  excluded: GroupRef[];
  mode: BulkMode;
}

interface Pool {
  id: string;
  displayName: string;
}

const isFinished = (s: PoolStatus | undefined) => s?.state === 'succeeded' || s?.state === 'failed' || s?.state === 'stopped';
const needsRetry = (s: PoolStatus | undefined) => s?.state === 'failed' || s?.state === 'stopped';

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function succeededText(outcome: BulkPoolOutcome): string {
  if (!outcome.sent) return 'No change needed: the pool already had these assignments';
  const parts = [
    outcome.plan.added && `${outcome.plan.added} added`,
    outcome.plan.moved && `${outcome.plan.moved} moved`,
    outcome.plan.removed && `${outcome.plan.removed} removed`,
  ].filter(Boolean);
  return parts.length ? `Assigned (${parts.join(', ')})` : 'Assigned';
}

function StatusCell({ status }: { status: PoolStatus | undefined }) {
  const styles = useStyles();
  switch (status?.state) {
    case undefined:
    case 'queued':
      return (
        <span className={styles.status}>
          <ClockRegular aria-hidden className={styles.wait} /> Waiting
        </span>
      );
    case 'reading':
      return (
        <span className={styles.status}>
          <Spinner size="extra-tiny" aria-hidden /> Reading current assignments
        </span>
      );
    case 'saving':
      return (
        <span className={styles.status}>
          <Spinner size="extra-tiny" aria-hidden /> Saving
        </span>
      );
    case 'throttled':
      return (
        <span className={styles.status}>
          <PauseCircleRegular aria-hidden className={styles.wait} /> Throttled by Microsoft Graph; trying again in {Math.ceil(status.waitMs / 1000)} s
        </span>
      );
    case 'succeeded':
      return (
        <span className={styles.status}>
          {status.outcome.sent ? <CheckmarkCircleFilled aria-hidden className={styles.ok} /> : <SubtractCircleRegular aria-hidden className={styles.wait} />}
          {succeededText(status.outcome)}
        </span>
      );
    case 'failed': {
      const d = describeError(status.error);
      return (
        <span className={styles.status}>
          <DismissCircleFilled aria-hidden className={styles.bad} />
          <span>
            Failed: {d.title}. {d.message}
            {d.requestId && ` (request ID ${d.requestId})`}
          </span>
        </span>
      );
    }
    case 'stopped':
      return (
        <span className={styles.status}>
          <SubtractCircleRegular aria-hidden className={styles.wait} /> Not done: stopped before this pool
        </span>
      );
  }
}

export interface BulkAssignDialogProps {
  pools: Pool[];
  /** `changedAny`: at least one pool was assigned. */
  onClose: (changedAny: boolean) => void;
}

/**
 * Applies one include/exclude set to many pools: choose the groups and the
 * mode, confirm a replace, then watch per-pool progress and results, with
 * "Retry failed" for the pools that did not make it.
 */
export function BulkAssignDialog({ pools, onClose }: BulkAssignDialogProps) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('choose');
  const [statuses, setStatuses] = useState<Record<string, PoolStatus>>({});
  const [missingGroups, setMissingGroups] = useState(false);
  const [active, setActive] = useState<{ set: BulkSet; mode: BulkMode; controller: AbortController } | null>(null);

  const { control, getValues, setValue, handleSubmit } = useForm<BulkValues>({ defaultValues: { included: [], excluded: [], mode: 'add' } });
  const values = useWatch({ control });
  const mode = values.mode ?? 'add';
  const set: BulkSet = {
    included: (values.included ?? []).flatMap((g) => (g.id ? [g.id] : [])),
    excluded: (values.excluded ?? []).flatMap((g) => (g.id ? [g.id] : [])),
  };
  const names = new Map([...(values.included ?? []), ...(values.excluded ?? [])].flatMap((g) => (g.id && g.displayName ? [[g.id, g.displayName] as [string, string]] : [])));
  const nameOf = (id: string) => names.get(id) ?? id;
  const conflicts = findConflicts({ ...set, allDevices: false }, { otherIncludes: mode === 'add' ? 1 : 0 });

  const addTo = (side: GroupMode) => (group: GroupRef) => {
    const same = side === 'include' ? 'included' : 'excluded';
    const other = side === 'include' ? 'excluded' : 'included';
    setMissingGroups(false);
    setValue(other, getValues(other).filter((g) => g.id !== group.id));
    if (!getValues(same).some((g) => g.id === group.id)) setValue(same, [...getValues(same), group]);
  };

  const update = (poolId: string, status: PoolStatus) => setStatuses((prev) => ({ ...prev, [poolId]: status }));

  const run = async (targets: Pool[], runSet: BulkSet, runMode: BulkMode) => {
    const controller = new AbortController();
    setActive({ set: runSet, mode: runMode, controller });
    setStep('running');
    setStatuses((prev) => ({ ...prev, ...Object.fromEntries(targets.map((p) => [p.id, { state: 'queued' } as PoolStatus])) }));
    await runWithConcurrency(
      targets,
      BULK_CONCURRENCY,
      async (pool) => {
        try {
          const outcome = await runBulkAssignMutation(queryClient, pool.id, {
            set: runSet,
            mode: runMode,
            signal: controller.signal,
            onPhase: (phase, waitMs) => update(pool.id, phase === 'throttled' ? { state: 'throttled', waitMs: waitMs ?? 0 } : { state: phase }),
          });
          update(pool.id, { state: 'succeeded', outcome });
        } catch (error) {
          update(pool.id, controller.signal.aborted ? { state: 'stopped' } : { state: 'failed', error });
        }
      },
      controller.signal,
    );
    setStatuses((prev) => Object.fromEntries(Object.entries(prev).map(([id, s]) => [id, s.state === 'queued' ? ({ state: 'stopped' } as PoolStatus) : s])));
    await queryClient.invalidateQueries({ queryKey: graphKeys.pools });
    setStep('done');
  };

  const start = handleSubmit((v) => {
    if (set.included.length + set.excluded.length === 0) {
      setMissingGroups(true);
      return;
    }
    if (step === 'choose' && v.mode === 'replace') {
      setStep('confirm');
      return;
    }
    void run(pools, set, v.mode);
  });

  const retryFailed = () => {
    const r = active;
    if (!r) return;
    void run(
      pools.filter((p) => needsRetry(statuses[p.id])),
      r.set,
      r.mode,
    );
  };

  const all = pools.map((p) => statuses[p.id]);
  const finished = all.filter(isFinished).length;
  const failed = all.filter((s) => s?.state === 'failed').length;
  const toRetry = all.filter(needsRetry).length;
  const succeeded = all.filter((s) => s?.state === 'succeeded').length;
  const changedAny = all.some((s) => s?.state === 'succeeded' && s.outcome.sent);
  const busy = step === 'running';
  const title = `Assign groups to ${plural(pools.length, 'pool', 'pools')}`;
  const shown = pools.slice(0, 6).map((p) => p.displayName);

  return (
    <Dialog
      open
      modalType={busy ? 'alert' : 'modal'}
      onOpenChange={(_e, data) => {
        if (!data.open && !busy) onClose(changedAny);
      }}
    >
      <DialogSurface className={styles.surface}>
        <form onSubmit={(e) => void start(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {step === 'choose' && (
                <>
                  <Text className={styles.muted}>
                    Pools: {shown.join(', ')}
                    {pools.length > shown.length && ` and ${formatCount(pools.length - shown.length)} more`}
                  </Text>
                  <div className={styles.pickers}>
                    <Controller
                      control={control}
                      name="included"
                      render={({ field }) => (
                        <GroupPicker
                          label="Included groups"
                          mode="include"
                          value={field.value}
                          otherSide={getValues('excluded')}
                          onAdd={addTo('include')}
                          onRemove={(id) => field.onChange(field.value.filter((g) => g.id !== id))}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="excluded"
                      render={({ field }) => (
                        <GroupPicker
                          label="Excluded groups"
                          mode="exclude"
                          value={field.value}
                          otherSide={getValues('included')}
                          onAdd={addTo('exclude')}
                          onRemove={(id) => field.onChange(field.value.filter((g) => g.id !== id))}
                        />
                      )}
                    />
                  </div>
                  <Controller
                    control={control}
                    name="mode"
                    render={({ field }) => (
                      <Field label="How to apply them">
                        <RadioGroup value={field.value} onChange={(_e, data) => field.onChange(data.value as BulkMode)}>
                          <Radio
                            value="add"
                            label={
                              <>
                                Add to their assignments
                                <Text size={200} className={styles.radioHint}>
                                  Each pool keeps what it has. A group a pool already has on the other side moves to the side chosen here.
                                </Text>
                              </>
                            }
                          />
                          <Radio
                            value="replace"
                            label={
                              <>
                                Replace their assignments
                                <Text size={200} className={styles.radioHint}>
                                  Each pool ends up with exactly these groups; its other assignments are removed.
                                </Text>
                              </>
                            }
                          />
                        </RadioGroup>
                      </Field>
                    )}
                  />
                  {conflicts.map((c) => {
                    const d = describeConflict(c, nameOf);
                    return (
                      <MessageBar key={c.kind} intent="warning" layout="multiline">
                        <MessageBarBody>
                          <MessageBarTitle>{d.title}</MessageBarTitle>
                          {d.meaning}
                        </MessageBarBody>
                      </MessageBar>
                    );
                  })}
                  {missingGroups && (
                    <MessageBar intent="error" role="alert">
                      <MessageBarBody>Choose at least one group to include or exclude.</MessageBarBody>
                    </MessageBar>
                  )}
                </>
              )}
              {step === 'confirm' && (
                <MessageBar intent="warning" layout="multiline" role="alert">
                  <MessageBarBody>
                    <MessageBarTitle>Replace the assignments of {plural(pools.length, 'pool', 'pools')}?</MessageBarTitle>
                    This removes every existing assignment of these pools that is not in your set: other included and excluded groups, All devices,
                    all licensed users and Configuration Manager collections. Devices that are no longer targeted have their eSIM profile removed at
                    their next check-in. Afterwards each pool has only: {[...set.included.map((id) => `${nameOf(id)} (included)`), ...set.excluded.map((id) => `${nameOf(id)} (excluded)`)].join(', ')}.
                  </MessageBarBody>
                </MessageBar>
              )}
              {(step === 'running' || step === 'done') && (
                <>
                  <Field
                    label={step === 'running' ? 'Assigning…' : 'Finished'}
                    validationState={step === 'done' ? (failed > 0 ? 'error' : 'success') : 'none'}
                    validationMessage={
                      step === 'done'
                        ? failed > 0 || toRetry > 0
                          ? `${plural(succeeded, 'pool', 'pools')} done, ${plural(toRetry, 'pool', 'pools')} not: see the reasons below.`
                          : `All ${plural(succeeded, 'pool', 'pools')} done.`
                        : undefined
                    }
                  >
                    <ProgressBar value={pools.length ? finished / pools.length : 0} thickness="large" />
                  </Field>
                  <Text role="status" aria-live="polite">
                    {`${formatCount(finished)} of ${plural(pools.length, 'pool', 'pools')} finished`}
                    {failed > 0 && `, ${formatCount(failed)} failed`}.
                  </Text>
                  <div className={styles.results}>
                    <Table aria-label="Result per pool" size="small">
                      <TableHeader>
                        <TableRow>
                          <TableHeaderCell className={styles.poolCol}>Pool</TableHeaderCell>
                          <TableHeaderCell>Result</TableHeaderCell>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {pools.map((p) => (
                          <TableRow key={p.id}>
                            <TableCell>
                              <TableCellLayout truncate>{p.displayName}</TableCellLayout>
                            </TableCell>
                            <TableCell>
                              <StatusCell status={statuses[p.id]} />
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </div>
                </>
              )}
            </DialogContent>
            <DialogActions>
              {step === 'choose' && (
                <>
                  <Button appearance="primary" type="submit">
                    {mode === 'replace' ? 'Next' : `Add to ${plural(pools.length, 'pool', 'pools')}`}
                  </Button>
                  <Button onClick={() => onClose(false)}>Cancel</Button>
                </>
              )}
              {step === 'confirm' && (
                <>
                  <Button appearance="primary" type="submit">
                    Replace assignments
                  </Button>
                  <Button onClick={() => setStep('choose')}>Back</Button>
                </>
              )}
              {step === 'running' && <Button onClick={() => active?.controller.abort()}>Stop</Button>}
              {step === 'done' && (
                <>
                  {toRetry > 0 && (
                    <Button appearance="primary" onClick={retryFailed}>
                      Retry failed ({formatCount(toRetry)})
                    </Button>
                  )}
                  <Button appearance={toRetry > 0 ? 'secondary' : 'primary'} onClick={() => onClose(changedAny)}>
                    Close
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

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
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { formatCount, plural } from '../../../lib/format.ts';
import type { Sides } from '../../../components/include-exclude-picker.tsx';
import { ReadOnlyNotice, writeButtonProps } from '../../../components/read-only-notice.tsx';
import { useBulkAssignRun, type BulkPool } from '../hooks/use-bulk-assign-run.ts';
import type { BulkSet } from '../lib/bulk-plan.ts';
import { findConflicts } from '../lib/diff.ts';
import { BulkChooseStep, type BulkValues } from './bulk-choose-step.tsx';
import { BulkResults } from './bulk-results.tsx';
import type { GroupRef } from './group-picker.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '880px', width: 'calc(100vw - 48px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  reason: { alignSelf: 'center', color: tokens.colorNeutralForeground2 },
});

export interface BulkAssignDialogProps {
  pools: BulkPool[];
  /** `changedAny`: at least one pool was assigned. */
  onClose: (changedAny: boolean) => void;
}

/**
 * Applies one include/exclude set to many pools: choose the groups and the
 * mode, confirm a replace, then watch per-pool progress and results, with
 * "Retry failed" — or "Resume" after a pause for a long Retry-After — for the
 * pools not done yet. When Intune refuses a write, the batch stops, the
 * choices and results stay, and the write buttons turn disabled with the notice.
 */
export function BulkAssignDialog({ pools, onClose }: BulkAssignDialogProps) {
  const styles = useStyles();
  const access = useWriteAccess();
  const readOnlyId = useId();
  const noGroupsId = useId();
  const [confirming, setConfirming] = useState(false);
  const bulk = useBulkAssignRun(pools);

  const { control, setValue, handleSubmit } = useForm<BulkValues>({ defaultValues: { included: [], excluded: [], mode: 'add' } });
  const values = useWatch({ control });
  const mode = values.mode ?? 'add';
  const set: BulkSet = {
    included: (values.included ?? []).flatMap((g) => (g.id ? [g.id] : [])),
    excluded: (values.excluded ?? []).flatMap((g) => (g.id ? [g.id] : [])),
  };
  const names = new Map([...(values.included ?? []), ...(values.excluded ?? [])].flatMap((g) => (g.id && g.displayName ? [[g.id, g.displayName] as [string, string]] : [])));
  const nameOf = (id: string) => names.get(id) ?? id;
  const noGroups = set.included.length + set.excluded.length === 0;
  const conflicts = findConflicts({ ...set, allDevices: false }, { otherIncludes: mode === 'add' ? 1 : 0 });

  const [included, excluded] = useWatch({ control, name: ['included', 'excluded'] });
  const changeGroups = (next: Sides<GroupRef>) => {
    setValue('included', next.included);
    setValue('excluded', next.excluded);
  };

  const start = handleSubmit((v) => {
    if (!access.canWrite || noGroups) return;
    if (!confirming && v.mode === 'replace') {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    void bulk.start(set, v.mode);
  });

  const step = bulk.running ? 'running' : bulk.started ? 'done' : confirming ? 'confirm' : 'choose';
  const { notDone, changedAny } = bulk.counts;
  const paused = bulk.halt?.kind === 'paused';
  const writeProps = writeButtonProps(access, readOnlyId);
  // As in the assignment editor: the button that needs a group is off until one is picked, and says why beside it.
  const chooseProps = noGroups ? { disabledFocusable: true as const, 'aria-describedby': [writeProps['aria-describedby'], noGroupsId].filter(Boolean).join(' ') } : writeProps;

  return (
    <Dialog
      open
      modalType={bulk.running ? 'alert' : 'modal'}
      onOpenChange={(_e, data) => {
        if (!data.open && !bulk.running) onClose(changedAny);
      }}
    >
      <DialogSurface className={styles.surface}>
        <form onSubmit={(e) => void start(e)} noValidate>
          <DialogBody>
            <DialogTitle>{`Assign groups to ${plural(pools.length, 'pool', 'pools')}`}</DialogTitle>
            <DialogContent className={styles.content}>
              {step === 'choose' && (
                <BulkChooseStep
                  poolNames={pools.map((p) => p.displayName)}
                  control={control}
                  groups={{ included, excluded }}
                  onGroupsChange={changeGroups}
                  conflicts={conflicts}
                  nameOf={nameOf}
                />
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
                <BulkResults pools={pools} statuses={bulk.statuses} running={bulk.running} halt={bulk.halt} counts={bulk.counts} />
              )}
              <ReadOnlyNotice id={readOnlyId} />
            </DialogContent>
            <DialogActions>
              {step === 'choose' && (
                <>
                  {noGroups && (
                    <Text id={noGroupsId} size={200} className={styles.reason}>
                      Pick a group to include or exclude first.
                    </Text>
                  )}
                  <Button appearance="primary" type="submit" {...chooseProps}>
                    {mode === 'replace' ? 'Next' : `Add to ${plural(pools.length, 'pool', 'pools')}`}
                  </Button>
                  <Button onClick={() => onClose(false)}>Cancel</Button>
                </>
              )}
              {step === 'confirm' && (
                <>
                  <Button appearance="primary" type="submit" {...writeProps}>
                    Replace assignments
                  </Button>
                  <Button onClick={() => setConfirming(false)}>Back</Button>
                </>
              )}
              {step === 'running' && <Button onClick={bulk.stop}>Stop</Button>}
              {step === 'done' && (
                <>
                  {notDone > 0 && (
                    <Button appearance="primary" onClick={() => void bulk.again()} {...writeProps}>
                      {paused ? `Resume (${formatCount(notDone)})` : `Retry failed (${formatCount(notDone)})`}
                    </Button>
                  )}
                  <Button appearance={notDone > 0 ? 'secondary' : 'primary'} onClick={() => onClose(changedAny)}>
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

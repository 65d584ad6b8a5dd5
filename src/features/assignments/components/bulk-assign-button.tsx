import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamAddRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useId, useState } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { formatCount } from '../../../lib/format.ts';
import { ReadOnlyNotice, writeButtonProps } from '../../../components/read-only-notice.tsx';

// The dialog (group search, the assignment runner) loads when it opens: the pools list does not wait for it.
const BulkAssignDialog = lazy(() => import('./bulk-assign-dialog.tsx').then((m) => ({ default: m.BulkAssignDialog })));

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface BulkAssignButtonProps {
  pools: { id: string; displayName: string }[];
  /** Called after the dialog closes having changed at least one pool (the page clears its selection). */
  onDone: () => void;
}

/** "Assign groups" for the pools selected in the pools list. */
export function BulkAssignButton({ pools, onDone }: BulkAssignButtonProps) {
  const styles = useStyles();
  const reasonId = useId();
  const access = useWriteAccess();
  const [open, setOpen] = useState(false);
  const label = `Assign groups to ${formatCount(pools.length)} ${pools.length === 1 ? 'pool' : 'pools'}`;

  return (
    <div className={styles.root}>
      <Button
        appearance={access.canWrite ? 'primary' : 'secondary'}
        icon={<PeopleTeamAddRegular />}
        onClick={() => setOpen(true)}
        {...writeButtonProps(access, reasonId)}
      >
        {label}
      </Button>
      <ReadOnlyNotice id={reasonId} compact />
      {/* Stays open when Intune refuses a write mid-run: the picked groups and the results are kept. */}
      {open && (
        <Suspense fallback={<Spinner size="tiny" label="Opening…" />}>
          <BulkAssignDialog
            pools={pools}
            onClose={(changedAny) => {
              setOpen(false);
              if (changedAny) onDone();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

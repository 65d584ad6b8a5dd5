import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PeopleTeamAddRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useAuthState } from '../../../auth/auth-context.tsx';
import { formatCount } from '../../../components/format.ts';
import { BulkAssignDialog } from './bulk-assign-dialog.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  reason: { color: tokens.colorNeutralForeground2, maxWidth: '420px' },
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
  const { canWrite } = useAuthState();
  const [open, setOpen] = useState(false);
  const label = `Assign groups to ${formatCount(pools.length)} ${pools.length === 1 ? 'pool' : 'pools'}`;

  if (!canWrite) {
    return (
      <div className={styles.root}>
        <Button icon={<PeopleTeamAddRegular />} disabledFocusable aria-describedby={reasonId}>
          {label}
        </Button>
        <Text id={reasonId} size={200} className={styles.reason}>
          Your account has read-only access (DeviceManagementConfiguration.Read.All), so it cannot change assignments.
        </Text>
      </div>
    );
  }

  return (
    <>
      <Button appearance="primary" icon={<PeopleTeamAddRegular />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <BulkAssignDialog
          pools={pools}
          onClose={(changedAny) => {
            setOpen(false);
            if (changedAny) onDone();
          }}
        />
      )}
    </>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { ReadOnlyNotice, isWriteRefusal, writeButtonProps } from '../../../components/read-only-notice.tsx';
import { plural } from '../../../lib/format.ts';
import { useAssignmentCount } from '../../../entities/pools/get-assignment-count.ts';
import { useDeviceStateCount } from '../../../entities/pools/get-device-state-count.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-word' },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export interface DeletePoolDialogProps {
  pool: Pick<PoolProperties, 'id' | 'displayName' | 'activationCodeCount'>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  pending: boolean;
  error: unknown;
}

/**
 * Confirms a delete by stating what is lost: the activation codes (Graph
 * cannot give them back), the assignments, and — counted with
 * `deviceStates/$count` — the devices whose profiles go away. When devices use
 * the pool (or their number could not be read) the admin types the name.
 */
export function DeletePoolDialog({ open, onOpenChange, pending, ...rest }: DeletePoolDialogProps) {
  const descriptionId = useId();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !pending && onOpenChange(data.open)} modalType="alert">
      {/* Mounted only while open: every opening counts again and starts with an empty name box. */}
      <DialogSurface aria-describedby={descriptionId}>
        <DeletePoolForm {...rest} descriptionId={descriptionId} pending={pending} onCancel={() => onOpenChange(false)} />
      </DialogSurface>
    </Dialog>
  );
}

function DeletePoolForm({
  pool,
  onConfirm,
  onCancel,
  pending,
  error,
  descriptionId,
}: Omit<DeletePoolDialogProps, 'open' | 'onOpenChange'> & { onCancel: () => void; descriptionId: string }) {
  const styles = useStyles();
  const access = useWriteAccess();
  const readOnlyId = useId();
  const refused = error != null && !pending && isWriteRefusal(error);
  const [typed, setTyped] = useState('');
  const devices = useDeviceStateCount(pool.id, { enabled: !pending });
  const assignments = useAssignmentCount(pool.id, { enabled: !pending });
  const counting = devices.isFetching || devices.isPending;
  const deviceCount = counting ? undefined : devices.data;
  // Unknown (the count failed) is treated like "devices use it": the safe side.
  const mustTypeName = !counting && (devices.isError || (deviceCount ?? 0) > 0);
  const nameMatches = typed.trim() === pool.displayName.trim();
  const canDelete = access.canWrite && !counting && !pending && (!mustTypeName || nameMatches);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (canDelete) onConfirm();
      }}
      noValidate
    >
      <DialogBody>
        <DialogTitle>Delete this pool?</DialogTitle>
        <DialogContent className={styles.content}>
          <div id={descriptionId}>
            <Text as="p" block>
              Deleting <span className={styles.name}>{pool.displayName}</span> cannot be undone. You lose:
            </Text>
            <ul className={styles.list}>
              <li>
                <strong>{plural(pool.activationCodeCount, 'activation code', 'activation codes')}.</strong> Microsoft Graph
                cannot give them back: keep the carrier’s CSV file if you may upload them again.
              </li>
              <li>
                {assignments.isSuccess ? (
                  <>
                    <strong>{plural(assignments.data, 'assignment', 'assignments')}</strong> to device groups.
                  </>
                ) : (
                  <>
                    <strong>The pool’s assignments</strong> to device groups.
                  </>
                )}
              </li>
            </ul>
          </div>
          {counting ? (
            <Spinner size="tiny" labelPosition="after" label="Checking which devices use this pool…" />
          ) : devices.isError ? (
            <ErrorState
              error={devices.error}
              title="Could not check which devices use this pool"
              onRetry={() => void devices.refetch()}
            />
          ) : deviceCount && deviceCount > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{plural(deviceCount, 'device uses', 'devices use')} this pool</MessageBarTitle>
                Their eSIM profiles from this pool are removed at their next check-in. The carrier may continue to bill
                for those lines until you cancel them with the carrier.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Text>No device has a profile from this pool.</Text>
          )}
          {mustTypeName && (
            <Field
              label={
                <>
                  Type <span className={styles.name}>{pool.displayName}</span> to confirm
                </>
              }
              required
              hint={
                devices.isError
                  ? 'The number of devices is unknown, so deleting needs the pool’s name.'
                  : 'Devices use this pool, so deleting needs the pool’s name.'
              }
            >
              <Input value={typed} onChange={(_e, data) => setTyped(data.value)} disabled={pending} autoComplete="off" />
            </Field>
          )}
          {/* A refused delete says why itself (once): Delete is then described by it, not by a second notice. */}
          {error != null && !pending && <ErrorState error={error} title="The pool was not deleted" messageId={refused ? readOnlyId : undefined} />}
          {!refused && <ReadOnlyNotice id={readOnlyId} />}
        </DialogContent>
        <DialogActions>
          <Button
            type="submit"
            appearance="primary"
            className={canDelete ? styles.danger : undefined}
            disabled={access.canWrite && !canDelete}
            {...writeButtonProps(access, readOnlyId)}
            icon={pending ? <Spinner size="tiny" /> : undefined}
          >
            {pending ? 'Deleting…' : 'Delete'}
          </Button>
          <Button appearance="secondary" disabled={pending} onClick={onCancel}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, RenameRegular } from '@fluentui/react-icons';
import { Suspense, lazy } from 'react';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { ReadOnlyNotice, writeButtonProps } from '../../../components/read-only-notice.tsx';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { usePoolCommands } from '../hooks/use-pool-commands.tsx';
import type { PoolDeletion } from '../hooks/use-pool-detail.ts';

// The dialogs (Fluent's Dialog, the form, zod) load when one opens: the pool page does not wait for them.
const RenamePoolDialog = lazy(() => import('./rename-pool-dialog.tsx').then((m) => ({ default: m.RenamePoolDialog })));
const DeletePoolDialog = lazy(() => import('./delete-pool-dialog.tsx').then((m) => ({ default: m.DeletePoolDialog })));

const useStyles = makeStyles({
  commandBar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * The pool's command bar (Rename, Delete), the page's one read-only notice when the user may not write (every
 * write button of the page points to it: `readOnlyId`), and the dialogs.
 */
export function PoolCommands({ pool, deletion, readOnlyId }: { pool: PoolProperties; deletion: PoolDeletion; readOnlyId: string }) {
  const styles = useStyles();
  const access = useWriteAccess();
  const { dialog, open, confirmDelete, closeDelete } = usePoolCommands(deletion);
  const writeProps = writeButtonProps(access, readOnlyId);

  return (
    <div>
      {/* A command bar of plain buttons: Fluent's Toolbar adds focusable aria-hidden guards that axe reports. */}
      <div role="group" aria-label="Pool actions" className={styles.commandBar}>
        <Button appearance="subtle" icon={<RenameRegular />} onClick={() => open('rename')} {...writeProps}>
          Rename
        </Button>
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => open('delete')} {...writeProps}>
          Delete
        </Button>
      </div>
      <ReadOnlyNotice id={readOnlyId} />

      {/*
        Dialogs are mounted only while open: a mounted Fluent Dialog, even closed, makes Tabster add
        focusable aria-hidden guards around the whole page (microsoft/tabster#288), which axe reports.
        They stay open when Intune refuses the write: what the admin typed is kept, and the dialog says why.
      */}
      <Suspense fallback={null}>
        {dialog === 'rename' && <RenamePoolDialog pool={pool} open onOpenChange={(isOpen) => open(isOpen ? 'rename' : null)} />}
        {dialog === 'delete' && (
          <DeletePoolDialog
            pool={pool}
            open
            onOpenChange={(isOpen) => (isOpen ? open('delete') : closeDelete())}
            onConfirm={confirmDelete}
            pending={deletion.isPending}
            error={deletion.error}
          />
        )}
      </Suspense>
    </div>
  );
}

import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths.ts';
import { TOASTER_ID } from '../../../lib/toaster.ts';
import type { PoolDeletion } from './use-pool-detail.ts';

export type PoolDialog = 'rename' | 'delete' | null;

/**
 * The pool's commands: which dialog is open, and deleting (on success: back to the list, which
 * says whether the pool had already gone).
 */
export function usePoolCommands(deletion: PoolDeletion) {
  const navigate = useNavigate();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [dialog, setDialog] = useState<PoolDialog>(null);

  const confirmDelete = () =>
    deletion.mutate(undefined, {
      onSuccess: (result) => {
        setDialog(null);
        void navigate(paths.pools.getHref(), { replace: true });
        dispatchToast(
          <Toast>
            <ToastTitle>{result.alreadyDeleted ? 'The pool had already been deleted' : 'Pool deleted'}</ToastTitle>
          </Toast>,
          { intent: 'success' },
        );
      },
    });

  const closeDelete = () => {
    deletion.reset();
    setDialog(null);
  };

  return { dialog, open: setDialog, confirmDelete, closeDelete };
}

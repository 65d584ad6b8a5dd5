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
  Spinner,
  Toast,
  ToastTitle,
  makeStyles,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { ReadOnlyNotice, isWriteRefusal, writeButtonProps } from '../../../components/read-only-notice.tsx';
import { TOASTER_ID } from '../../../lib/toaster.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { useUpdatePool } from '../../../entities/pools/update-pool.ts';
import { POOL_NAME_MAX_LENGTH } from '../../../entities/pools/pool-name.ts';
import { renamePoolSchema, type RenamePoolInput } from '../lib/rename-pool-schema.ts';
import { zodFormResolver } from './zod-form-resolver.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface RenamePoolDialogProps {
  pool: Pick<PoolProperties, 'id' | 'displayName'>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Rename a pool (PATCH displayName). Errors stay in the dialog; success closes it with a toast. */
export function RenamePoolDialog({ pool, open, onOpenChange }: RenamePoolDialogProps) {
  const rename = useUpdatePool(pool.id);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !rename.isPending && onOpenChange(data.open)}>
      {/* Mounted only while open: every opening starts from the current name, with no old error. */}
      <DialogSurface aria-describedby={undefined}>
        <RenamePoolForm pool={pool} rename={rename} onClose={() => onOpenChange(false)} />
      </DialogSurface>
    </Dialog>
  );
}

function RenamePoolForm({
  pool,
  rename,
  onClose,
}: {
  pool: RenamePoolDialogProps['pool'];
  rename: ReturnType<typeof useUpdatePool>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const access = useWriteAccess();
  const readOnlyId = useId();
  const refused = rename.isError && isWriteRefusal(rename.error);
  const resolver = useMemo(() => zodFormResolver(renamePoolSchema(pool.displayName)), [pool.displayName]);
  const form = useForm<{ displayName: string }, unknown, RenamePoolInput>({
    resolver,
    defaultValues: { displayName: pool.displayName },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  // The mutation outlives the form: forget its error when the dialog closes.
  const resetRename = rename.reset;
  useEffect(() => resetRename, [resetRename]);

  const onSubmit = form.handleSubmit((input) => {
    if (!access.canWrite) return;
    rename.mutate(input, {
      onSuccess: () => {
        onClose();
        dispatchToast(
          <Toast>
            <ToastTitle>Pool renamed to “{input.displayName}”</ToastTitle>
          </Toast>,
          { intent: 'success' },
        );
      },
    });
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <DialogBody>
        <DialogTitle>Rename pool</DialogTitle>
        <DialogContent className={styles.content}>
          <Controller
            name="displayName"
            control={form.control}
            render={({ field, fieldState }) => (
              <Field
                label="Name"
                required
                hint={`Up to ${POOL_NAME_MAX_LENGTH} characters.`}
                validationMessage={fieldState.error?.message}
                validationState={fieldState.error ? 'error' : 'none'}
              >
                <Input
                  {...field}
                  onChange={(_e, data) => field.onChange(data.value)}
                  disabled={rename.isPending}
                  autoComplete="off"
                />
              </Field>
            )}
          />
          {/* A refused rename says why itself (once): Save is then described by it, not by a second notice. */}
          {rename.isError && <ErrorState error={rename.error} title="The pool was not renamed" messageId={refused ? readOnlyId : undefined} />}
          {!refused && <ReadOnlyNotice id={readOnlyId} />}
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={rename.isPending} {...writeButtonProps(access, readOnlyId)} icon={rename.isPending ? <Spinner size="tiny" /> : undefined}>
            {rename.isPending ? 'Saving…' : 'Save'}
          </Button>
          <Button appearance="secondary" disabled={rename.isPending} onClick={onClose}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

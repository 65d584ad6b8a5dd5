import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { Controller, type Control } from 'react-hook-form';
import { POOL_NAME_MAX_LENGTH } from '../../../entities/pools/pool-name.ts';
import type { PoolNamesForm } from '../hooks/use-upload-batch.ts';
import type { PoolPlan } from '../lib/plan-batch.ts';

const useStyles = makeStyles({
  nameField: { maxWidth: '480px' },
  lockedHint: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** The pool's name: typed and checked (react-hook-form), or read-only once a create under it may have happened. */
export function PoolNameField({ pool, control }: { pool: PoolPlan; control: Control<PoolNamesForm> }) {
  const styles = useStyles();
  if (pool.nameLocked) {
    return (
      <Field
        label="Pool name"
        className={styles.nameField}
        hint={
          <span className={styles.lockedHint}>
            <LockClosedRegular aria-hidden />
            Locked: a create may already have reached Intune under this name, and the console looks the pool up by name before creating it again.
          </span>
        }
      >
        <Input value={pool.name} readOnly />
      </Field>
    );
  }
  return (
    <Controller
      control={control}
      name={`names.${pool.key}`}
      render={({ field, fieldState }) => (
        <Field
          label="Pool name"
          required
          className={styles.nameField}
          validationMessage={fieldState.error?.message ?? pool.nameError}
          hint={`Unique among your pools; at most ${POOL_NAME_MAX_LENGTH} characters. Suggested from the SM-DP+ server: ${pool.defaultName}.`}
        >
          <Input ref={field.ref} name={field.name} value={field.value ?? pool.name} onBlur={field.onBlur} onChange={(_e, data) => field.onChange(data.value)} />
        </Field>
      )}
    />
  );
}

import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../lib/format.ts';
import type { AssignmentInput } from '../../../entities/assignments/types.ts';
import { describeAssignments } from '../lib/replace-steps.ts';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const s = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

export interface ReplaceItemProps {
  oldName: string;
  newName: string;
  fileNames: string[];
  newCount: number;
  /** undefined while loading. */
  oldCount?: number;
  deviceCount?: number;
  assignments?: AssignmentInput[];
  loading: boolean;
  /** What could not be read (the replace cannot be confirmed without it). */
  readError?: string;
  carry: boolean;
  onCarryChange: (carry: boolean) => void;
  mustTypeName: boolean;
  typed: string;
  onTypedChange: (typed: string) => void;
}

/** One pool to replace: the counts, the one-time-use warning, the assignment choice, the typed name. */
export function ReplaceItem(p: ReplaceItemProps) {
  const styles = useStyles();
  const hasAssignments = (p.assignments?.length ?? 0) > 0;
  return (
    <li className={styles.item} data-testid="replace-summary">
      <ul className={styles.facts}>
        <li>
          Old pool “{p.oldName}”: {p.oldCount === undefined ? '…' : <strong>{s(p.oldCount, 'code')}</strong>}; deleted first.
        </li>
        <li data-testid="replace-given">
          Given to devices (spent or pending): {p.deviceCount === undefined ? '…' : <strong>{s(p.deviceCount, 'code')}</strong>}.
        </li>
        <li>
          New pool “{p.newName}”: created with <strong>{s(p.newCount, 'code')}</strong> from {p.fileNames.join(', ')}.
        </li>
      </ul>
      {p.newCount === 0 && (
        <MessageBar intent="error">
          <MessageBarBody>The new set holds no codes: replacing would leave no pool for this carrier.</MessageBarBody>
        </MessageBar>
      )}
      <Text>
        Activation codes work once, and Microsoft Graph does not say which ones were spent. The new set should hold only codes the carrier
        confirms are unused, plus the new ones: uploading the whole old file again hands spent codes out again, and they fail at the carrier.
        Codes of the old pool that are not in the new set are gone for good.
      </Text>
      {p.loading && <Spinner size="extra-tiny" label="Reading the pool to replace…" />}
      {p.readError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Could not read “{p.oldName}”</MessageBarTitle>
            {p.readError} It cannot be replaced until it can be read.
          </MessageBarBody>
        </MessageBar>
      )}
      {!!p.deviceCount && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {s(p.deviceCount, 'device')} {p.deviceCount === 1 ? 'uses' : 'use'} “{p.oldName}”. Deleting it may remove their eSIM profiles at their
            next check-in.
          </MessageBarBody>
        </MessageBar>
      )}
      {p.assignments && !hasAssignments && <Text>“{p.oldName}” has no assignments.</Text>}
      {p.assignments && hasAssignments && (
        <RadioGroup
          aria-label={`Assignments of “${p.oldName}”: ${describeAssignments(p.assignments)}`}
          value={p.carry ? 'carry' : 'keep'}
          onChange={(_e, data) => p.onCarryChange(data.value === 'carry')}
        >
          <Text>“{p.oldName}” is assigned to {describeAssignments(p.assignments)}.</Text>
          <Radio value="carry" label="Assign the new pool the same way (recommended)" />
          <Radio value="keep" label="Keep the new pool unassigned (devices in those groups get no profiles until you assign it)" />
        </RadioGroup>
      )}
      {p.mustTypeName && (
        <Field label={`Devices use this pool: type “${p.oldName}” to replace it`} required>
          <Input value={p.typed} onChange={(_e, data) => p.onTypedChange(data.value)} autoComplete="off" />
        </Field>
      )}
    </li>
  );
}

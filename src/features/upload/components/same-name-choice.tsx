import { Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatCount } from '../../../lib/format.ts';
import type { ExistingPool, PoolChoice } from '../lib/plan-batch.ts';

const useStyles = makeStyles({
  meta: { color: tokens.colorNeutralForeground2 },
});

export interface SameNameChoiceProps {
  same: ExistingPool;
  choice: PoolChoice | undefined;
  onChoose: (choice: PoolChoice) => void;
}

/** A pool named like this provider's already exists: why that matters, and create a separate pool or replace it. */
export function SameNameChoice({ same, choice, onChoose }: SameNameChoiceProps) {
  const styles = useStyles();
  const value = choice?.mode === 'replace' ? 'replace' : choice?.mode === 'new' ? 'new' : '';
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>A pool named “{same.displayName}” already exists</MessageBarTitle>
          It holds {formatCount(same.activationCodeCount)} codes and probably comes from the same provider (Intune names pools after the SM-DP+
          server; Microsoft Graph does not show a pool’s server). Intune keeps one pool per SM-DP+ server, so choose what this upload does.
        </MessageBarBody>
      </MessageBar>
      <Field label="What should this upload do?" required>
        <RadioGroup
          value={value}
          onChange={(_e, data) =>
            onChoose(
              data.value === 'replace'
                ? { mode: 'replace', poolId: same.id, poolName: same.displayName, poolCodeCount: same.activationCodeCount }
                : { mode: 'new' },
            )
          }
        >
          <Radio
            value="new"
            label={
              <>
                <Text weight="semibold">Create a separate pool</Text>
                <Caption1 block className={styles.meta}>
                  The name is made unique. Intune refuses it if “{same.displayName}” uses the same SM-DP+ server; replace it then.
                </Caption1>
              </>
            }
          />
          <Radio
            value="replace"
            label={
              <>
                <Text weight="semibold">Replace “{same.displayName}”</Text>
                <Caption1 block className={styles.meta}>
                  It is deleted and a new pool is created from the files here, assigned like the old one; codes that are not in these files are
                  gone. Codes work once: add old codes only when the carrier confirms them unused (codes in several files are uploaded once).
                </Caption1>
              </>
            }
          />
        </RadioGroup>
      </Field>
    </>
  );
}

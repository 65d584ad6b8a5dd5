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

/**
 * A pool named like this provider's already exists: replace it, or keep it and upload under another name.
 *
 * Replace comes first: Intune keeps one pool per SM-DP+ server, so an admin who drops a file named after an
 * existing pool most often brings that carrier's new codes, and Graph cannot add codes to a pool. Nothing is
 * chosen for the admin: replace deletes a pool (it is confirmed again before anything is sent), and the other
 * path fails at Intune when the server is the same, so the upload waits for an explicit choice.
 */
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
          Nothing is uploaded until you choose.
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
            value="replace"
            label={
              <>
                <Text weight="semibold">Replace “{same.displayName}” with these files</Text>
                <Caption1 block className={styles.meta}>
                  The usual choice for a carrier’s new file: Microsoft Graph cannot add codes to a pool. “{same.displayName}” is deleted and created
                  again from the files here, assigned like the old one; you confirm before anything is deleted. Codes that are not in these files are
                  gone, and codes work once: add old codes only when the carrier confirms them unused (codes in several files are uploaded once).
                </Caption1>
              </>
            }
          />
          <Radio
            value="new"
            label={
              <>
                <Text weight="semibold">Keep “{same.displayName}” and upload these files as a new pool</Text>
                <Caption1 block className={styles.meta}>
                  Under the name below. Only for a different SM-DP+ server with a similar name: Intune refuses a second pool for the same
                  server.
                </Caption1>
              </>
            }
          />
        </RadioGroup>
      </Field>
    </>
  );
}

import {
  Badge,
  Body1,
  Caption1,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, ErrorCircleRegular, LockClosedRegular } from '@fluentui/react-icons';
import { memo, useId } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { formatCount } from '../../../components/format.ts';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import type { PoolNamesForm } from '../hooks/use-upload-batch.ts';
import { POOL_NAME_MAX_LENGTH, type PoolChoice, type PoolPlan, type PoolPlanStatus } from '../lib/plan-batch.ts';
import { FileSection } from './file-section.tsx';

const useStyles = makeStyles({
  // Off-screen cards skip layout and paint (a batch of 30 pools would otherwise lay out every
  // card on each change); they stay in the accessibility tree and in find-in-page.
  card: { gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, contentVisibility: 'auto', containIntrinsicSize: 'auto 240px' },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  title: { wordBreak: 'break-all' },
  meta: { color: tokens.colorNeutralForeground2 },
  nameField: { maxWidth: '480px' },
  lockedHint: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  blockers: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  blockersTitle: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  created: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  createdIcon: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
});

const STATUS_BADGE: Record<PoolPlanStatus, { label: string; color: BadgeProps['color'] }> = {
  ready: { label: 'Ready to upload', color: 'brand' },
  created: { label: 'Created', color: 'success' },
  errors: { label: 'Has errors', color: 'danger' },
  needsChoice: { label: 'Choose an option', color: 'warning' },
  needsConfirmation: { label: 'Confirm warnings', color: 'warning' },
  invalidName: { label: 'Check the name', color: 'danger' },
  waiting: { label: 'Checking…', color: 'informative' },
};

export interface PoolCardProps {
  pool: PoolPlan;
  control: Control<PoolNamesForm>;
  /** Many pools: file details start collapsed (unless a file has problems). */
  compact: boolean;
  resumed: boolean;
  onChoose: (pool: PoolPlan, choice: PoolChoice) => void;
  onRemoveFile: (id: string) => void;
  onConfirmFile: (id: string, confirmed: boolean) => void;
}

/** One pool to be created: provider, name, what to do about a same-name pool, and its files. */
function PoolCardView({ pool, control, compact, resumed, onChoose, onRemoveFile, onConfirmFile }: PoolCardProps) {
  const styles = useStyles();
  const titleId = useId();
  const badge = STATUS_BADGE[pool.status];
  const created = pool.status === 'created';
  const fileCount = pool.files.length;
  const same = pool.sameNamePool;
  const askChoice = !!same && !pool.nameLocked && !created;
  const choiceValue = pool.choice?.mode === 'replace' ? 'replace' : pool.choice?.mode === 'new' ? 'new' : '';
  const title = pool.host ?? pool.files[0]?.file.name ?? 'Pool';

  return (
    <Card className={styles.card} appearance="outline" role="region" aria-labelledby={titleId}>
      <div className={styles.header}>
        <div className={styles.titleBlock}>
          <Subtitle2 as="h3" id={titleId} className={styles.title}>
            {title}
          </Subtitle2>
          <Caption1 className={styles.meta}>
            {pool.host ? 'SM-DP+ server address' : 'No readable SM-DP+ server address'} · {formatCount(pool.codeCount)} {pool.codeCount === 1 ? 'code' : 'codes'} from{' '}
            {fileCount} {fileCount === 1 ? 'file' : 'files'}
          </Caption1>
        </div>
        <Badge appearance="filled" color={badge.color} data-testid="pool-status">
          {badge.label}
        </Badge>
      </div>

      {created && pool.progress.poolId && (
        <Text className={styles.created}>
          <CheckmarkCircleFilled aria-hidden className={styles.createdIcon} />
          <span>
            Pool <RouterLink to={paths.pool.getHref(pool.progress.poolId)}>{pool.name}</RouterLink> was created
            {resumed ? ' before the upload was interrupted.' : '.'}
          </span>
        </Text>
      )}

      {resumed && !created && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Part of the interrupted upload</MessageBarTitle>
            {pool.progress.createState === 'inFlight'
              ? 'This pool was being created when the upload stopped. The console checks whether it exists before creating it, so it is never created twice.'
              : 'This pool was not created yet; it is created when you finish the upload.'}
          </MessageBarBody>
        </MessageBar>
      )}

      {askChoice && same && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A pool named “{same.displayName}” already exists</MessageBarTitle>
            It holds {formatCount(same.activationCodeCount)} codes and probably comes from the same provider (Intune names pools after the SM-DP+
            server; Microsoft Graph does not show a pool’s server). Intune keeps one pool per SM-DP+ server, so choose what this upload does.
          </MessageBarBody>
        </MessageBar>
      )}
      {askChoice && same && (
        <Field label="What should this upload do?" required>
          <RadioGroup
            value={choiceValue}
            onChange={(_e, data) =>
              onChoose(
                pool,
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
      )}

      {created ? null : pool.nameLocked ? (
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
      ) : (
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
              <Input
                ref={field.ref}
                name={field.name}
                value={field.value ?? pool.name}
                onBlur={field.onBlur}
                onChange={(_e, data) => field.onChange(data.value)}
              />
            </Field>
          )}
        />
      )}

      {fileCount > 1 && !created && (
        <Body1>
          These {fileCount} files use the same SM-DP+ server and become one pool
          {pool.duplicatesMerged > 0 ? `; ${formatCount(pool.duplicatesMerged)} codes that are in more than one file are uploaded once.` : '.'}
        </Body1>
      )}

      {created ? (
        <Caption1 className={styles.meta}>From {pool.files.map((f) => f.file.name).join(', ')}</Caption1>
      ) : (
        pool.files.map((f) => <FileSection key={f.file.id} planned={f} defaultExpanded={!compact} onRemove={onRemoveFile} onConfirm={onConfirmFile} />)
      )}

      {!created && pool.blockers.length > 0 && (
        <div>
          <Text className={styles.blockersTitle} weight="semibold">
            <ErrorCircleRegular aria-hidden /> Before this pool can be uploaded:
          </Text>
          <ul className={styles.blockers}>
            {pool.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

function sameFiles(a: PoolPlan['files'], b: PoolPlan['files']): boolean {
  return (
    a.length === b.length &&
    a.every((f, i) => {
      const g = b[i];
      return !!g && f.file === g.file && f.errorCount === g.errorCount && f.warningsConfirmed === g.warningsConfirmed && f.issues.length === g.issues.length;
    })
  );
}

/** Plans are rebuilt on every keystroke; a card re-renders only when what it shows changed. */
export const PoolCard = memo(PoolCardView, (prev, next) => {
  const a = prev.pool;
  const b = next.pool;
  return (
    prev.control === next.control &&
    prev.resumed === next.resumed &&
    prev.onChoose === next.onChoose &&
    prev.onRemoveFile === next.onRemoveFile &&
    prev.onConfirmFile === next.onConfirmFile &&
    a.key === b.key &&
    a.status === b.status &&
    a.name === b.name &&
    a.nameError === b.nameError &&
    a.nameLocked === b.nameLocked &&
    a.codeCount === b.codeCount &&
    a.duplicatesMerged === b.duplicatesMerged &&
    a.defaultName === b.defaultName &&
    a.sameNamePool?.id === b.sameNamePool?.id &&
    a.choice?.mode === b.choice?.mode &&
    (a.choice?.mode === 'replace' ? a.choice.poolId : '') === (b.choice?.mode === 'replace' ? b.choice.poolId : '') &&
    a.progress.createState === b.progress.createState &&
    a.progress.poolId === b.progress.poolId &&
    a.blockers.join('\n') === b.blockers.join('\n') &&
    sameFiles(a.files, b.files)
  );
});

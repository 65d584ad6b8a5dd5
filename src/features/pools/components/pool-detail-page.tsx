import {
  Body1,
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  Skeleton,
  SkeletonItem,
  Spinner,
  Subtitle1,
  Title2,
  Toast,
  ToastTitle,
  Tooltip,
  makeStyles,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular, DeleteRegular, DocumentErrorRegular, RenameRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useWriteAccess } from '../../../auth/auth-context.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount, formatDateTime } from '../../../components/format.ts';
import { ReadOnlyNotice, writeButtonProps } from '../../../components/read-only-notice.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { isGraphError } from '../../../graph/errors.ts';
import { TOASTER_ID } from '../../../lib/toaster.ts';
import { useDeletePool } from '../../../entities/pools/delete-pool.ts';
import { usePool } from '../../../entities/pools/get-pool.ts';
import type { PoolProperties } from '../../../entities/pools/types.ts';
import { BreadcrumbLink } from './breadcrumb-link.tsx';
import { DeletePoolDialog } from './delete-pool-dialog.tsx';
import { DeviceStatusSection } from './device-status-section.tsx';
import { PoolHistorySection } from './pool-history-section.tsx';
import { RenamePoolDialog } from './rename-pool-dialog.tsx';

const LIST_TITLE = 'eSIM cellular profiles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  breadcrumb: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  title: { wordBreak: 'break-word' },
  kind: { color: tokens.colorNeutralForeground2 },
  commandBar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  essentials: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  pair: { display: 'grid', gridTemplateColumns: '140px minmax(0, 1fr)', alignItems: 'center', minHeight: '32px', columnGap: tokens.spacingHorizontalM },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, wordBreak: 'break-word', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} 0`,
  },
  notFoundIcon: { fontSize: '40px', color: tokens.colorNeutralForeground3 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
});

function PoolBreadcrumb({ name }: { name?: string }) {
  const styles = useStyles();
  return (
    <Breadcrumb aria-label="Breadcrumb" size="small" className={styles.breadcrumb}>
      <BreadcrumbItem>
        <BreadcrumbLink to={paths.pools.getHref()}>{LIST_TITLE}</BreadcrumbLink>
      </BreadcrumbItem>
      {name !== undefined && (
        <>
          <BreadcrumbDivider />
          <BreadcrumbItem>
            <BreadcrumbButton current>{name}</BreadcrumbButton>
          </BreadcrumbItem>
        </>
      )}
    </Breadcrumb>
  );
}

/** Sets the tab title while the page is shown. */
function useDocumentTitle(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

function CopyIdButton({ id }: { id: string }) {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      dispatchToast(
        <Toast>
          <ToastTitle>Pool ID copied</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 2000 },
      );
    } catch {
      dispatchToast(
        <Toast>
          <ToastTitle>The browser did not allow copying. Select the ID and press Ctrl+C.</ToastTitle>
        </Toast>,
        { intent: 'warning' },
      );
    }
  };

  return (
    <Tooltip content={copied ? 'Copied' : 'Copy to clipboard'} relationship="description">
      <Button
        appearance="subtle"
        size="small"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label="Copy pool ID"
        onClick={() => void copy()}
      />
    </Tooltip>
  );
}

function Essentials({ pool }: { pool: PoolProperties }) {
  const styles = useStyles();
  const headingId = useId();
  const item = (term: string, value: ReactNode) => (
    <div className={styles.pair}>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby={headingId} className={styles.essentials}>
      <Subtitle1 as="h2" id={headingId}>
        Essentials
      </Subtitle1>
      <dl className={styles.grid}>
        {item('Name', pool.displayName)}
        {item('Created', formatDateTime(pool.createdDateTime))}
        {item('Activation codes', formatCount(pool.activationCodeCount))}
        {item('Last modified', formatDateTime(pool.modifiedDateTime))}
        {item(
          'Pool ID',
          <>
            <span className={styles.mono}>{pool.id}</span>
            <CopyIdButton id={pool.id} />
          </>,
        )}
      </dl>
    </section>
  );
}

function PoolNotFound() {
  const styles = useStyles();
  useDocumentTitle(`Pool not found – ${LIST_TITLE}`);
  return (
    <div className={styles.root}>
      <PoolBreadcrumb />
      <div className={styles.notFound}>
        <DocumentErrorRegular className={styles.notFoundIcon} aria-hidden />
        <Title2 as="h1">This pool no longer exists</Title2>
        <Body1>Another administrator may have deleted it, or the link is wrong. Pools that were deleted cannot be restored.</Body1>
        <RouterLink to={paths.pools.getHref()}>Back to {LIST_TITLE}</RouterLink>
      </div>
    </div>
  );
}

export interface PoolDetailPageProps {
  poolId: string;
  /** The pool's assignments (composed by the app from the assignments feature). */
  assignmentsSlot?: ReactNode;
}

/**
 * One pool, laid out like an Intune admin center blade: breadcrumb, name,
 * command bar (Rename, Delete), Essentials, assignments, device status.
 */
export function PoolDetailPage({ poolId, assignmentsSlot }: PoolDetailPageProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const access = useWriteAccess();
  const readOnlyId = useId();
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);

  const deletion = useDeletePool(poolId);
  // From the moment the DELETE is sent, nothing may read this pool again (it would be a 404).
  const deleting = deletion.isPending || deletion.isSuccess;
  const pool = usePool(poolId, { enabled: !deleting });
  const name = pool.data?.displayName;
  useDocumentTitle(name ? `${name} – ${LIST_TITLE}` : LIST_TITLE);

  if (deletion.isSuccess) return <Spinner label="Pool deleted. Opening the list…" />;

  if (pool.isError && isGraphError(pool.error) && pool.error.status === 404) return <PoolNotFound />;

  if (!pool.data) {
    return (
      <div className={styles.root}>
        <PoolBreadcrumb />
        {pool.isError ? (
          <>
            <Title2 as="h1">eSIM pool</Title2>
            <ErrorState error={pool.error} title="This pool could not be loaded" onRetry={() => void pool.refetch()} />
          </>
        ) : (
          <Skeleton aria-label="Loading pool" className={styles.skeleton}>
            <SkeletonItem size={32} />
            <SkeletonItem size={16} />
            <SkeletonItem size={24} />
            <SkeletonItem size={24} />
            <SkeletonItem size={24} />
          </Skeleton>
        )}
      </div>
    );
  }

  const current = pool.data;
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

  const writeProps = writeButtonProps(access, readOnlyId);

  return (
    <div className={styles.root}>
      <div className={styles.top}>
        <PoolBreadcrumb name={current.displayName} />
        <Title2 as="h1" className={styles.title}>
          {current.displayName}
        </Title2>
        <Body1 className={styles.kind}>eSIM activation-code pool</Body1>
      </div>

      <div>
        {/* A command bar of plain buttons: Fluent's Toolbar adds focusable aria-hidden guards that axe reports. */}
        <div role="group" aria-label="Pool actions" className={styles.commandBar}>
          <Button appearance="subtle" icon={<RenameRegular />} onClick={() => setDialog('rename')} {...writeProps}>
            Rename
          </Button>
          <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => setDialog('delete')} {...writeProps}>
            Delete
          </Button>
        </div>
        <ReadOnlyNotice id={readOnlyId} />
      </div>

      {pool.isError && (
        <ErrorState error={pool.error} title="This pool could not be refreshed" onRetry={() => void pool.refetch()} />
      )}

      <Essentials pool={current} />

      {assignmentsSlot}

      <DeviceStatusSection poolId={poolId} enabled={!deleting} />

      <PoolHistorySection poolId={poolId} createdDateTime={current.createdDateTime} />

      {/*
        Dialogs are mounted only while open: a mounted Fluent Dialog, even closed, makes Tabster add
        focusable aria-hidden guards around the whole page (microsoft/tabster#288), which axe reports.
        They stay open when Intune refuses the write: what the admin typed is kept, and the dialog says why.
      */}
      {dialog === 'rename' && (
        <RenamePoolDialog pool={current} open onOpenChange={(open) => setDialog(open ? 'rename' : null)} />
      )}
      {dialog === 'delete' && (
        <DeletePoolDialog
          pool={current}
          open
          onOpenChange={(open) => {
            if (!open) deletion.reset();
            setDialog(open ? 'delete' : null);
          }}
          onConfirm={confirmDelete}
          pending={deletion.isPending}
          error={deletion.error}
        />
      )}
    </div>
  );
}

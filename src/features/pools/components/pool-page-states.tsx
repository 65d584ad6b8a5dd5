import { Body1, Skeleton, SkeletonItem, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentErrorRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { LIST_TITLE } from '../lib/titles.ts';
import { PoolBreadcrumb } from './pool-breadcrumb.tsx';

/*
 * What the pool page shows before it has a pool: loading, a load error, or "this pool no longer exists".
 */

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
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

function WithBreadcrumb({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <PoolBreadcrumb />
      {children}
    </div>
  );
}

export function PoolNotFound() {
  const styles = useStyles();
  useDocumentTitle(`Pool not found – ${LIST_TITLE}`);
  return (
    <WithBreadcrumb>
      <div className={styles.notFound}>
        <DocumentErrorRegular className={styles.notFoundIcon} aria-hidden />
        <Title2 as="h1">This pool no longer exists</Title2>
        <Body1>Another administrator may have deleted it, or the link is wrong. Pools that were deleted cannot be restored.</Body1>
        <RouterLink to={paths.pools.getHref()}>Back to {LIST_TITLE}</RouterLink>
      </div>
    </WithBreadcrumb>
  );
}

export function PoolLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <WithBreadcrumb>
      <Title2 as="h1">eSIM pool</Title2>
      <ErrorState error={error} title="This pool could not be loaded" onRetry={onRetry} />
    </WithBreadcrumb>
  );
}

export function PoolLoading() {
  const styles = useStyles();
  return (
    <WithBreadcrumb>
      <Skeleton aria-label="Loading pool" className={styles.skeleton}>
        <SkeletonItem size={32} />
        <SkeletonItem size={16} />
        <SkeletonItem size={24} />
        <SkeletonItem size={24} />
        <SkeletonItem size={24} />
      </Skeleton>
    </WithBreadcrumb>
  );
}

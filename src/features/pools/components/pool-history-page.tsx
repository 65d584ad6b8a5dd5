import { Body1, Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { BreadcrumbLink } from './breadcrumb-link.tsx';
import { PoolHistorySection } from './pool-history-section.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/**
 * A pool's history on its own page: the link from a pool made by a replace to
 * the pool it replaced, which no longer exists (its audit events remain).
 */
export function PoolHistoryPage({ poolId }: { poolId: string }) {
  const styles = useStyles();
  useEffect(() => {
    const previous = document.title;
    document.title = 'Pool history – eSIM cellular profiles';
    return () => {
      document.title = previous;
    };
  }, []);
  return (
    <div className={styles.root}>
      <Breadcrumb aria-label="Breadcrumb" size="small">
        <BreadcrumbItem>
          <BreadcrumbLink to={paths.pools.getHref()}>eSIM cellular profiles</BreadcrumbLink>
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>Pool history</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      <Title2 as="h1">Pool history</Title2>
      <Body1>
        Pool ID <span className={styles.mono}>{poolId}</span>. Its changes stay in Intune&apos;s audit log (kept for a year) after the pool is deleted.{' '}
        <RouterLink to={paths.pool.getHref(poolId)}>Open the pool, if it still exists</RouterLink>
      </Body1>
      <PoolHistorySection poolId={poolId} />
    </div>
  );
}

import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles, tokens } from '@fluentui/react-components';
import { paths } from '../../../config/paths.ts';
import { LIST_TITLE } from '../lib/titles.ts';
import { BreadcrumbLink } from './breadcrumb-link.tsx';


const useStyles = makeStyles({
  breadcrumb: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

/** eSIM cellular profiles › <pool name>; the name is left out while the pool is unknown. */
export function PoolBreadcrumb({ name }: { name?: string }) {
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

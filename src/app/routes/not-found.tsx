import { EmptyState } from '../../components/empty-state.tsx';
import { RouterLink } from '../../components/router-link.tsx';
import { paths } from '../../config/paths.ts';

export function Component() {
  return (
    <EmptyState title="Page not found" headingLevel={1} action={<RouterLink to={paths.pools.getHref()}>Go to eSIM pools</RouterLink>}>
      The address does not match a page of this console.
    </EmptyState>
  );
}

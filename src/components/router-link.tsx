import { Link, type LinkProps } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/** A Fluent link that navigates inside the SPA (and still opens in a new tab with Ctrl/Cmd). */
export function RouterLink({ to, ...props }: Omit<LinkProps, 'href' | 'as'> & { to: string }) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link
      {...props}
      href={href}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        handleClick(e);
      }}
    />
  );
}

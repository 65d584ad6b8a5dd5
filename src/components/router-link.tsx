import { Link } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

export interface RouterLinkProps {
  to: string;
  children: ReactNode;
  appearance?: 'default' | 'subtle';
  inline?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-current'?: 'page' | undefined;
}

/** A Fluent link that navigates inside the SPA (and still opens in a new tab with Ctrl/Cmd). */
export function RouterLink({ to, ...props }: RouterLinkProps) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return <Link {...props} href={href} onClick={(e: MouseEvent<HTMLAnchorElement>) => handleClick(e)} />;
}

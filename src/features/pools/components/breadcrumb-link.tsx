import { BreadcrumbButton } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router';

/** A Fluent breadcrumb item that navigates inside the SPA (Ctrl/Cmd-click still opens a tab). */
export function BreadcrumbLink({ to, children }: { to: string; children: ReactNode }) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <BreadcrumbButton
      href={href}
      onClick={(e: MouseEvent<HTMLAnchorElement | HTMLButtonElement>) => {
        if (e.currentTarget instanceof HTMLAnchorElement) handleClick(e as MouseEvent<HTMLAnchorElement>);
      }}
    >
      {children}
    </BreadcrumbButton>
  );
}

import { paths } from '../config/paths.ts';

/** Navigation lists only pages that exist. */
export const navItems: { label: string; href: string }[] = [
  { label: 'Dashboard', href: paths.dashboard.getHref() },
  { label: 'Pools', href: paths.pools.getHref() },
  { label: 'Upload', href: paths.upload.getHref() },
  { label: 'Assignments', href: paths.assignments.getHref() },
];

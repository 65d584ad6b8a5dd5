/**
 * Roots of every query key, mirroring Graph resources. Each feature builds
 * its own key factory below a root, so a write in one feature (an upload
 * creating pools) invalidates the reads of another (the pools list) by
 * prefix, without features importing each other.
 */
export const graphKeys = {
  pools: ['graph', 'pools'] as const,
  groups: ['graph', 'groups'] as const,
  me: ['graph', 'me'] as const,
};

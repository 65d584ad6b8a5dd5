/**
 * Roots of every query key, mirroring Graph resources. Each resource of
 * src/entities builds its one key factory below a root (`poolKeys`,
 * `groupKeys`), so a write in one feature (an upload creating pools)
 * invalidates the reads of another (the pools list) by prefix, without
 * features importing each other. Features never import this file (lint).
 */
export const graphKeys = {
  pools: ['graph', 'pools'] as const,
  groups: ['graph', 'groups'] as const,
  me: ['graph', 'me'] as const,
  managedDevices: ['graph', 'managedDevices'] as const,
};

/**
 * Which files of a batch share an ICCID. Carrier files are usually disjoint
 * ranges, so most batches have no overlap and the check costs next to
 * nothing; otherwise one index of every ICCID.
 */
import type { IccidLookup } from './iccid-index.ts';

/**
 * Pairs of files (earlier, later) whose ICCIDs may clash. Carrier files are
 * usually disjoint ranges, so most batches have none and the check costs
 * next to nothing; when the overlaps would cost more look-ups than one index
 * of every ICCID, returns null (the caller indexes everything instead).
 */
function overlappingPairs(lookups: readonly (IccidLookup | null)[]): [number, number][] | null {
  const spans = lookups.map((l) => l?.span() ?? null);
  const total = lookups.reduce((n, l) => n + (l?.index.iccids.length ?? 0), 0);
  const pairs: [number, number][] = [];
  let work = 0;
  for (let later = 0; later < spans.length; later++) {
    const b = spans[later];
    if (!b) continue;
    for (let earlier = 0; earlier < later; earlier++) {
      const a = spans[earlier];
      if (!a || a.max < b.min || b.max < a.min) continue;
      pairs.push([earlier, later]);
      work += lookups[later]?.index.iccids.length ?? 0;
      if (work > total) return null;
    }
  }
  return pairs;
}

/** Every (earlier file, later file, ICCID) clash, the earlier file being the first that holds the ICCID. */
export function* clashes(lookups: readonly (IccidLookup | null)[]): Generator<[number, number, string]> {
  const pairs = overlappingPairs(lookups);
  if (pairs !== null) {
    for (const [earlier, later] of pairs) {
      for (const iccid of lookups[later]?.index.iccids ?? []) {
        if (lookups[earlier]?.line(iccid) === undefined) continue;
        // Report against the first file only, as the full index below does.
        if (lookups.findIndex((l) => l?.line(iccid) !== undefined) === earlier) yield [earlier, later, iccid];
      }
    }
    return;
  }
  const owners = new Map<string, number>();
  for (const [later, lookup] of lookups.entries()) {
    for (const iccid of lookup?.index.iccids ?? []) {
      const owner = owners.get(iccid);
      if (owner === undefined) owners.set(iccid, later);
      else yield [owner, later, iccid];
    }
  }
}

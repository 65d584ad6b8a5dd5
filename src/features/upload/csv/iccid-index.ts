/**
 * The ICCIDs of one file (identifiers, not secrets) and their lines, kept
 * for every file, valid or not, so a batch can be cross-checked. Plain data,
 * so it survives postMessage. Carrier files list ICCIDs in ascending order:
 * then no duplicate is possible and no hash index is needed at all, neither
 * while parsing nor in checkBatch (bisection instead).
 */
export interface IccidIndex {
  /** First occurrence of every well-formed ICCID, in line order. */
  iccids: string[];
  /** Line of each entry of `iccids`. */
  lines: number[];
  /** `iccids` is strictly ascending (string order). */
  ascending: boolean;
}

export function emptyIccidIndex(): IccidIndex {
  return { iccids: [], lines: [], ascending: true };
}

function bisect(sorted: readonly string[], iccid: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = sorted[mid] ?? '';
    if (value === iccid) return mid;
    if (value < iccid) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Line look-ups in an index: bisection when ascending, else a Map built on first use. */
export class IccidLookup {
  private map: Map<string, number> | null = null;

  constructor(readonly index: IccidIndex) {}

  line(iccid: string): number | undefined {
    const { iccids, lines, ascending } = this.index;
    if (ascending) {
      const at = bisect(iccids, iccid);
      return at === -1 ? undefined : lines[at];
    }
    this.map ??= new Map(iccids.map((value, i) => [value, lines[i] ?? 0]));
    return this.map.get(iccid);
  }

  /** Lexicographic bounds: an ICCID shared by two files lies inside both spans. */
  span(): { min: string; max: string } | null {
    const { iccids, ascending } = this.index;
    const first = iccids[0];
    if (first === undefined) return null;
    if (ascending) return { min: first, max: iccids[iccids.length - 1] ?? first };
    let min = first;
    let max = first;
    for (const iccid of iccids) {
      if (iccid > max) max = iccid;
      else if (iccid < min) min = iccid;
    }
    return { min, max };
  }
}

import type { EmbeddedSimActivationCode } from '../../../graph/types.ts';
import { ICCID_LABEL } from './diagnose.ts';
import type { IssueList } from './issue-list.ts';
import { luhnSum } from './luhn.ts';
import { maskMatchingId } from './mask.ts';
import { PREVIEW_ROWS } from './rules.ts';
import type { IccidIndex } from './iccid-index.ts';
import type { CsvPreviewRow } from './types.ts';

/**
 * Accepts well-formed rows: duplicate detection, the ICCID warnings, the
 * preview and the codes themselves (kept only while the file has no error,
 * so an invalid file drops its secrets as early as possible).
 *
 * Duplicates: while ICCIDs come in ascending order (the usual carrier file)
 * none is possible and a comparison with the previous one suffices; from the
 * first step back, a Map indexes them. O(1) per row either way.
 */
export class CodeCollector {
  codeCount = 0;
  readonly index: IccidIndex = { iccids: [], lines: [], ascending: true };
  readonly preview: CsvPreviewRow[] = [];
  private codes: EmbeddedSimActivationCode[] = [];
  private last = '';
  private lineOf: Map<string, number> | null = null;

  constructor(
    private readonly issues: IssueList,
    private readonly address: string,
  ) {}

  /**
   * A row whose ICCID and matching ID are both well-formed; `iccidLuhnSum`
   * when the caller already has it (the fast path validates digits with it).
   */
  accept(iccid: string, matchingId: string, line: number, iccidLuhnSum = luhnSum(iccid)): void {
    this.noteIccid(iccid, line, iccidLuhnSum);
    this.codeCount++;
    if (this.issues.errorCount === 0) {
      this.codes.push({ integratedCircuitCardIdentifier: iccid, matchingIdentifier: matchingId, smdpPlusServerAddress: this.address });
    } else if (this.codes.length > 0) {
      this.codes = [];
    }
    if (this.preview.length < PREVIEW_ROWS) {
      this.preview.push({ line, iccid, matchingIdMasked: maskMatchingId(matchingId) });
    }
  }

  /** A well-formed ICCID (its row may still be broken): duplicates and warnings. */
  noteIccid(iccid: string, line: number, iccidLuhnSum = luhnSum(iccid)): void {
    if (iccid > this.last) this.last = iccid;
    else if (this.isDuplicate(iccid, line)) return;
    this.lineOf?.set(iccid, line);
    this.index.iccids.push(iccid);
    this.index.lines.push(line);
    if (iccid.charCodeAt(0) !== 56 || iccid.charCodeAt(1) !== 57) {
      this.issues.warn(
        line,
        'integratedCircuitCardIdentifier',
        'iccid-prefix',
        `${ICCID_LABEL} ${iccid} does not start with 89 (the telecom prefix of SIM cards); verify with the carrier`,
      );
    }
    if (iccidLuhnSum % 10 !== 0) {
      this.issues.warn(
        line,
        'integratedCircuitCardIdentifier',
        'luhn',
        `${ICCID_LABEL} ${iccid}: check digit does not match (Luhn); verify with the carrier`,
      );
    }
  }

  private isDuplicate(iccid: string, line: number): boolean {
    if (this.lineOf === null) {
      const { iccids, lines } = this.index;
      this.index.ascending = false;
      this.lineOf = new Map(iccids.map((value, i) => [value, lines[i] ?? 0]));
    }
    const first = this.lineOf.get(iccid);
    if (first === undefined) return false;
    this.issues.error(line, 'integratedCircuitCardIdentifier', 'duplicate-iccid', `${ICCID_LABEL} ${iccid} is a duplicate: it is also on line ${first}`);
    return true;
  }

  /** The codes, or [] when the file has any error. */
  takeCodes(): EmbeddedSimActivationCode[] {
    const codes = this.issues.errorCount === 0 ? this.codes : [];
    this.codes = [];
    return codes;
  }
}

/**
 * The rows of a carrier CSV, exactly as `Papa.parse` (header off, no typing,
 * empty lines kept) gives them, read one at a time. A text without any '"' —
 * every clean carrier file — is Papa's own fast mode (split on the line
 * break, then on ','), so {@link PlainRows} reads it without building a row
 * array per line: a plain `ICCID,MatchingID` line costs the two cell strings
 * and nothing else (no line string, no array). Quoted text goes through Papa.
 */
export interface CsvRows {
  readonly length: number;
  /** Row i's cells; [] past the end. */
  row(i: number): string[];
  /**
   * Whether row i has exactly two cells; they are then in `first` and
   * `second` (no array is built for the usual row).
   */
  twoCells(i: number): boolean;
  first: string;
  second: string;
}

/** Rows from Papa.parse's result. */
export class ParsedRows implements CsvRows {
  first = '';
  second = '';
  readonly length: number;

  constructor(readonly data: readonly string[][]) {
    this.length = data.length;
  }

  row(i: number): string[] {
    return (this.data[i] as string[] | undefined) ?? [];
  }

  twoCells(i: number): boolean {
    const row = this.data[i];
    if (row?.length !== 2) return false;
    this.first = row[0] ?? '';
    this.second = row[1] ?? '';
    return true;
  }
}

/** Rows of a text that holds no '"' (Papa.parse's fast mode, BOM stripped like Papa does). */
export class PlainRows implements CsvRows {
  first = '';
  second = '';
  readonly length: number;
  private readonly text: string;
  /** Where each line starts; one more entry, as if the text ended with a line break. */
  private readonly starts: number[] = [];

  constructor(
    source: string,
    private readonly newline: string,
  ) {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    this.text = text;
    if (text !== '') {
      for (let at = 0; ; ) {
        this.starts.push(at);
        const next = text.indexOf(newline, at);
        if (next === -1) break;
        at = next + newline.length;
      }
    }
    this.starts.push(text.length + newline.length);
    this.length = this.starts.length - 1;
  }

  row(i: number): string[] {
    if (i < 0 || i >= this.length) return [];
    return this.text.slice(this.starts[i], (this.starts[i + 1] ?? 0) - this.newline.length).split(',');
  }

  twoCells(i: number): boolean {
    if (i < 0 || i >= this.length) return false;
    const start = this.starts[i] ?? 0;
    const end = (this.starts[i + 1] ?? 0) - this.newline.length;
    const comma = this.text.indexOf(',', start);
    if (comma === -1 || comma >= end) return false;
    const next = this.text.indexOf(',', comma + 1);
    if (next !== -1 && next < end) return false;
    this.first = this.text.slice(start, comma);
    this.second = this.text.slice(comma + 1, end);
    return true;
  }
}

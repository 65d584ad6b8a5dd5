/**
 * Limits and patterns of the carrier CSV. The three field patterns are the
 * exact regexes of the Graph beta metadata (embeddedSIMActivationCode); they
 * are compiled once here and never per row.
 */

export const MAX_CODES_PER_FILE = 1000;
/** The service's limit of codes per pool (one POST), also when several files of one server are merged. */
export const MAX_CODES_PER_POOL = 1000;
/**
 * Longest matching ID accepted. Graph publishes no length, only the pattern;
 * real ones are short (the Windows eUICCs CSP documents 4 × 5 hex digits),
 * 255 leaves carriers room while keeping a pasted blob out of a pool.
 */
export const MAX_MATCHING_ID_LENGTH = 255;
export const MAX_ISSUES_PER_FILE = 200;
export const PREVIEW_ROWS = 5;
/**
 * 1,000 codes with 255-character matching IDs stay under 300 KB; anything far
 * bigger is the wrong file, and is refused before it is read or parsed. Below
 * this size a file is parsed in full; a long cell in it costs linear time
 * (no regex here backtracks) and is never copied into a message.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Whether a file of this size is refused before being read. */
export function isTooLarge(sizeBytes: number): boolean {
  return sizeBytes > MAX_FILE_BYTES;
}

/** Graph metadata: `^[0-9]{19}[0-9]?$` */
export const ICCID_RE = /^[0-9]{19}[0-9]?$/;
/** Graph metadata: `^[a-zA-Z0-9\-]*$`; the empty string is a blank cell and is refused separately. */
export const MATCHING_ID_RE = /^[a-zA-Z0-9-]*$/;
/** Graph metadata: `^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\.)+[a-zA-Z]{2,}$` */
export const SMDP_ADDRESS_RE = /^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*\.)+[a-zA-Z]{2,}$/;

/** What Excel writes for a long number: `8.90126E+18`, `8,9E+19`. */
export const SCIENTIFIC_RE = /^[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+$/;
/** Digit groups split by spaces, dashes or dots: `8901 2600 0000 0000 014`. */
export const SEPARATED_DIGITS_RE = /^[0-9]+(?:[ .-]+[0-9]+)+$/;
export const DIGITS_RE = /^[0-9]+$/;
/** A first cell that is a (possibly mangled) number, i.e. a code row rather than an address. */
export const NUMBER_LIKE_RE = /^[0-9][0-9 .,eE+-]{4,}$/;
/** Cells made only of words: candidates for column names. */
export const WORDS_RE = /^[A-Za-z][A-Za-z _+#/()-]*$/;
/** Words that name the carrier CSV's columns in header rows seen in the wild. */
export const HEADER_WORD_RE =
  /iccid|matching|activation|sm-?dp|address|server|fqdn|code|serial|identifier|profile|eid|imsi|msisdn/i;
/** Cells that spreadsheets evaluate: `=`, `+`, `@` always; `-` only when the cell is not a plain value. */
export const FORMULA_PREFIXES = '=+@';
export const URL_SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
export const CSV_NAME_RE = /\.csv$/i;
/** C0 controls except tab, LF and CR; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHAR_GLOBAL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** More stray control characters than this and the file is treated as binary. */
export const MAX_STRAY_CONTROL_CHARS = 4;
export const BLANK_TEXT_RE = /^[ \t\r\n]*$/;
export const LINE_BREAKS_RE = /\r\n?/g;
/** In a CRLF file: a lone CR or a lone LF (mixed line ends). */
export const MIXED_LINE_BREAK_RE = /\r(?!\n)|(?<!\r)\n/;

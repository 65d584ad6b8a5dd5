/**
 * Masks a matching ID for display: `WK1D-EGZD-8PCF` → `WK1D-••••-••CF`.
 * Dashes stay so the shape is recognisable; at most the first 4 and last 2
 * letters/digits stay visible (fewer below 12, none below 8), so at most half
 * of a short ID and a third of a long one is shown.
 */
export function maskMatchingId(id: string): string {
  let significant = 0;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 45) significant++;
  const [head, tail] = significant >= 12 ? [4, 2] : significant >= 8 ? [2, 1] : [0, 0];
  let seen = 0;
  let out = '';
  for (const ch of id) {
    if (ch === '-') {
      out += ch;
      continue;
    }
    out += seen < head || seen >= significant - tail ? ch : '•';
    seen++;
  }
  return out;
}

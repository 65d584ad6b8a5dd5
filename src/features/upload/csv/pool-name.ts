/**
 * Pool names. Intune names a new pool after the SM-DP+ host; the issue asks
 * for "the SM-DP+ host's first label". Carrier hosts usually start with a
 * generic service label (`smdp.contoso-mobile.example.com`,
 * `rsp.fabrikam-telecom.example.net`, `prod.smdp.…`), so the literal first
 * label would name almost every pool "smdp" or "rsp". We therefore take the
 * first label that is NOT a generic service label (ignoring the top-level
 * domain), and fall back to the literal first label when every label is
 * generic. The admin can always rename the pool.
 */
const GENERIC_LABELS = new Set([
  'smdp', 'smdpplus', 'smdpp', 'smdp-plus', 'sm-dp', 'sm-dp-plus', 'sm-dpplus', 'smdpplusserver',
  'rsp', 'esim', 'euicc', 'dp', 'dpplus', 'dp-plus', 'sm', 'lpa', 'ota',
  'es2', 'es2plus', 'es2-plus', 'es9', 'es9plus', 'es9-plus',
  'prod', 'production', 'prd', 'live', 'www', 'api',
]);

/** `smdp01`, `rsp-2` are as generic as `smdp`, `rsp`. */
const NUMBERED_SUFFIX_RE = /-?[0-9]+$/;

function isGenericLabel(label: string): boolean {
  const lower = label.toLowerCase();
  return GENERIC_LABELS.has(lower) || GENERIC_LABELS.has(lower.replace(NUMBERED_SUFFIX_RE, ''));
}

export function defaultPoolName(smdpHost: string): string {
  const labels = smdpHost.trim().replace(/\.+$/, '').split('.').filter((l) => l !== '');
  const first = labels[0];
  if (first === undefined) return '';
  const candidates = labels.length > 1 ? labels.slice(0, -1) : labels;
  return candidates.find((l) => !isGenericLabel(l)) ?? first;
}

/** `base`, else `base (2)`, `base (3)`…: the first name not in `existing` (case-insensitive). */
export function uniquePoolName(base: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const name of existing) taken.add(name.trim().toLowerCase());
  const name = base.trim();
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

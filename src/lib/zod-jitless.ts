/**
 * Imported first by the console's entry (src/main.tsx), before any schema is
 * built. zod 4 compiles object parsers with `new Function` when it may, and
 * probes for that with a `new Function("")` it catches: under the console's
 * Content-Security-Policy (script-src 'self', no 'unsafe-eval') the probe
 * still fires a `securitypolicyviolation`. With `jitless` zod never probes
 * and parses without generated code. zod and zod/mini share this setting.
 */
import { config } from 'zod/mini';

config({ jitless: true });

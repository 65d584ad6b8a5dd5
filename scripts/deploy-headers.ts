/**
 * Writes the console's security headers for a real deployment, derived from
 * the deployment's config.json (cloud, authority, graphBaseUrl):
 *
 *   npm run --silent deploy-headers -- [--config dist/config.json] [--out dist/staticwebapp.config.json]
 *   npm run --silent deploy-headers -- --format text      # `Name: value` lines for any other host
 *
 * Exit 0: written; 1: config.json is invalid (each problem printed); 2: usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { headersAsText, hostsFromConfigFile, staticWebAppConfig } from './security-headers.ts';

const USAGE = `Usage: npm run --silent deploy-headers -- [options]

Writes the console's HTTP security headers (Content-Security-Policy with the
sign-in and Graph hosts of the given config.json, frame-ancestors,
X-Content-Type-Options, Referrer-Policy, Permissions-Policy…).

Options:
  --config <path>  the deployment's config.json (default: dist/config.json)
  --format <f>     swa: Azure Static Web Apps staticwebapp.config.json (default)
                   text: "Name: value" lines per page, for any other host
  --out <path>     where to write (default: dist/staticwebapp.config.json for swa,
                   standard output for text; "-" for standard output)
  -h, --help       show this help
`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        config: { type: 'string', default: 'dist/config.json' },
        format: { type: 'string', default: 'swa' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.format !== 'swa' && values.format !== 'text') {
    process.stderr.write(`--format must be swa or text (got "${values.format}")\n\n${USAGE}`);
    return 2;
  }
  const result = hostsFromConfigFile(values.config);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`${problem}\n`);
    return 1;
  }
  const text = values.format === 'swa' ? `${JSON.stringify(staticWebAppConfig(result.hosts), null, 2)}\n` : headersAsText(result.hosts);
  const out = values.out ?? (values.format === 'swa' ? 'dist/staticwebapp.config.json' : '-');
  if (out === '-') {
    process.stdout.write(text);
  } else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    process.stderr.write(`Wrote ${out} (sign-in ${result.hosts.signIn}, Graph ${result.hosts.graph})\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));

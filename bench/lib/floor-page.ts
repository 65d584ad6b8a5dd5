/**
 * The floor pages: what a browser needs at the least to show the same data as
 * the console, served by the bench's `vite preview` (same origin, same
 * security headers) and never part of dist/. Plain DOM, no framework, no
 * MSAL: the bench hands the access token and the Graph URL in through
 * `window.__benchFloor` (an init script), and the page GETs the first page of
 * the list (or, with `all`, every page, following @odata.nextLink), parses it
 * and renders it as a table. The parsed JSON stays on `window.__benchFloorData`
 * so the bench can read the heap that holding it costs.
 */
import type { Plugin } from 'vite';

export const FLOOR_PATH = '/__bench/floor';
export const FLOOR_TABLE_SELECTOR = '#floor tbody tr';

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>floor</title></head>
<body><table id="floor"><thead><tr><th>Name</th><th>Value</th><th>Created</th><th>Modified</th></tr></thead><tbody></tbody></table>
<script type="module" src="${FLOOR_PATH}.js"></script></body></html>`;

/** Runs in the page; a string so that nothing of the bench's own code (or tsx's helpers) reaches it. */
const SCRIPT = `
const input = window.__benchFloor;
const body = document.querySelector('#floor tbody');
const cell = (row, text) => { const td = document.createElement('td'); td.textContent = text ?? ''; row.appendChild(td); };
const render = (items) => {
  const frag = document.createDocumentFragment();
  for (const it of items) {
    const tr = document.createElement('tr');
    cell(tr, it.displayName ?? it.deviceName ?? it.id);
    cell(tr, String(it.activationCodeCount ?? it.state ?? ''));
    cell(tr, it.createdDateTime ?? it.lastSyncDateTime ?? '');
    cell(tr, it.modifiedDateTime ?? '');
    frag.appendChild(tr);
  }
  body.appendChild(frag);
};
(async () => {
  const headers = { Authorization: 'Bearer ' + input.token };
  const data = [];
  window.__benchFloorData = data;
  let next = input.url; // '' = the empty floor page (the heap baseline)
  while (next) {
    const page = await (await fetch(next, { headers })).json();
    data.push(page);
    render(page.value);
    next = input.all ? page['@odata.nextLink'] : undefined;
  }
  window.__benchFloorDone = performance.now();
})().catch((e) => { window.__benchFloorError = String(e); });
`;

/** A preview-only plugin: GET /__bench/floor and /__bench/floor.js. */
export function floorPagePlugin(): Plugin {
  return {
    name: 'esim-bench:floor-page',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        if (url === FLOOR_PATH) {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(HTML);
        } else if (url === `${FLOOR_PATH}.js`) {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          // Cached for good, as the console's hashed /assets/ are: neither page pays for revalidating its code.
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          res.end(SCRIPT);
        } else next();
      });
    },
  };
}

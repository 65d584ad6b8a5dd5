// First: zod must be told not to probe for eval before any schema exists.
import './lib/zod-jitless.ts';
import { bootstrap } from './app/bootstrap.ts';

const root = document.getElementById('root')!;
bootstrap(root).catch((error: unknown) => {
  // The UI's own code failed to load (e.g. a chunk from an older deployment): say so in plain DOM.
  root.textContent = `The console could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
});

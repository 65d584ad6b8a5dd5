// First: zod must be told not to probe for eval before any schema exists.
import './lib/zod-jitless.ts';
import { bootstrap } from './app/bootstrap.tsx';

void bootstrap(document.getElementById('root')!);

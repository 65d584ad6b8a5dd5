import { bootstrap } from './app/bootstrap.tsx';

void bootstrap(document.getElementById('root')!);

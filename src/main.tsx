import './app/noEval';
import { boot } from './app/boot';
import { useStore } from './app/store';
import { workerRunner } from './canvas/workerRunner';

// The layout worker starts while the topology is still on its way; if it cannot run, layouts move to
// the main thread and the status bar says so.
boot(workerRunner((reason) => useStore.getState().setLayoutFallback(reason)));

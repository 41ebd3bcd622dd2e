import { boot } from './app/boot';
import { workerRunner } from './canvas/workerRunner';

// The layout worker (and ELK) starts while the topology is still on its way.
boot(workerRunner());

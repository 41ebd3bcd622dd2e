import './app/noEval';
import { boot } from './app/boot';
import './styles/app.css';
import './styles/theme.css';
import { installTheme } from './app/colorScheme';
// After boot, which loads React Flow's sheet and styles.css: the node sheet overrides both.
import './styles/nodes.css';
import { useStore } from './app/store';
import { workerRunner } from './canvas/workerRunner';

// The layout worker starts while the topology is still on its way; if it cannot run, layouts move to
// the main thread and the status bar says so.
boot(workerRunner((reason) => useStore.getState().setLayoutFallback(reason)));
installTheme();

import { boot } from './app/boot';
import { useStore } from './app/store';
import { mainThreadRunner } from './canvas/mainThreadRunner';
import { parseSnapshot } from './topology/model';
import { redactTopology } from './topology/redact/redact';

/**
 * The single-file viewer: the snapshot is embedded in the page, nothing is fetched, layouts run on the page's
 * thread (a page opened from file:// may not start workers).
 */
const embedded = document.getElementById('fleetmap-snapshot')?.textContent ?? '';
const result = parseSnapshot(embedded);
const store = useStore.getState();
store.setOffline();
if (result.ok) store.open(redactTopology(result.topology));
else useStore.setState({ load: { kind: 'error', message: `The snapshot embedded in this file cannot be read: ${result.error}` } });
boot(mainThreadRunner());

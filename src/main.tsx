import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './app/App';
import { layoutWorker } from './canvas/useLayout';
import { HEALTH_COLORS, SERVICE_PALETTE } from './topology/graph/theme';

// The stylesheet reads the palette from custom properties set from the one table the exporters use too.
SERVICE_PALETTE.forEach((c, i) => document.documentElement.style.setProperty(`--svc-${i}`, c));
for (const [health, c] of Object.entries(HEALTH_COLORS)) document.documentElement.style.setProperty(`--${health}`, c);

// Start the layout worker (and ELK) while the topology is still on its way.
layoutWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../styles.css';
import './app.css';
import { setLayoutRunner, type LayoutRunner } from '../canvas/layoutRunner';
import { HEALTH_COLORS, SERVICE_PALETTE } from '../topology/graph/theme';
import { App } from './App';

/** Starts the app: the palette as CSS custom properties (one table for canvas and exports), a layout runner, the UI. */
export function boot(runner: LayoutRunner): void {
  SERVICE_PALETTE.forEach((c, i) => document.documentElement.style.setProperty(`--svc-${i}`, c));
  for (const [health, c] of Object.entries(HEALTH_COLORS)) document.documentElement.style.setProperty(`--${health}`, c);
  setLayoutRunner(runner);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../styles.css';
import '../styles/app.css';
import '../styles/theme.css';
import '../styles/timeline.css';
// Last: the node sheet overrides React Flow's and the base sheet's node rules.
import '../styles/nodes.css';
import { setLayoutRunner, type LayoutRunner } from '../canvas/layoutRunner';
import { App } from './App';
import { installTheme } from './colorScheme';

/**
 * Starts the app: the theme (light or dark) as CSS custom properties on the document (the stylesheets read every colour from them;
 * set through element.style, which the Content-Security-Policy allows where an inline <style> is refused), a layout
 * runner, the UI.
 */
export function boot(runner: LayoutRunner): void {
  installTheme();
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

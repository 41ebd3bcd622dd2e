import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../styles.css';
import './app.css';
import { setLayoutRunner, type LayoutRunner } from '../canvas/layoutRunner';
import { cssVariables } from '../topology/present/theme';
import { App } from './App';

/**
 * Starts the app: the theme as CSS custom properties on the document (the stylesheets read every colour from them;
 * set through element.style, which the Content-Security-Policy allows where an inline <style> is refused), a layout
 * runner, the UI.
 */
export function boot(runner: LayoutRunner): void {
  for (const [name, value] of cssVariables()) document.documentElement.style.setProperty(name, value);
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

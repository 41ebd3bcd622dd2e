import { useSyncExternalStore } from 'react';
import { cssVariables, schemeOverride, THEMES, type ColorScheme, type ThemeTokens } from '../topology/present/theme';

/**
 * The page's colour scheme: `?theme=dark|light` when the address asks for one, else the system's
 * `prefers-color-scheme`, followed live. The active token set is written to the root element as CSS custom
 * properties (through element.style, which the Content-Security-Policy allows where an inline <style> is refused),
 * and `data-theme` names it for the stylesheets; canvases that paint with colours read the same set.
 */

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemScheme(): ColorScheme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

function activeScheme(): ColorScheme {
  return schemeOverride(location.search) ?? systemScheme();
}

function apply(scheme: ColorScheme): void {
  const root = document.documentElement;
  root.dataset.theme = scheme;
  for (const [name, value] of cssVariables(THEMES[scheme])) root.style.setProperty(name, value);
}

/** Sets the active scheme on the document now and whenever the system's preference changes. */
export function installTheme(): void {
  apply(activeScheme());
  if (typeof matchMedia === 'function') matchMedia(DARK_QUERY).addEventListener('change', () => apply(activeScheme()));
}

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The token set in force, re-read when the system's preference changes. */
export function useThemeTokens(): ThemeTokens {
  return THEMES[useSyncExternalStore(subscribe, activeScheme, () => 'light' as const)];
}

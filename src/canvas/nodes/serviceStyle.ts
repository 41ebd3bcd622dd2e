import type { CSSProperties } from 'react';
import { serviceColorVar } from '../../topology/present/theme';

/** Sets a node's --svc to its service's theme colour: the stylesheet draws bars and swatches from it. */
export function serviceStyle(color: number): CSSProperties {
  // React passes custom properties through to element.style.setProperty; CSSProperties does not list them.
  return { '--svc': serviceColorVar(color) } as CSSProperties;
}

import type { Topology } from '../topology/model';
import { xmlText } from '../topology/present/escape';

/** The built viewer: one script and its stylesheet, inlined into every single-file export. */
export interface ViewerAssets {
  js: string;
  css: string;
}

/**
 * One HTML file holding the viewer and the snapshot. Its Content-Security-Policy allows no network access at all,
 * so the file works from file:// and cannot call anywhere even if it tried.
 */
export function toHtml(topology: Topology, assets: ViewerAssets, title: string): string {
  // JSON inside <script>: "<" as \u003c so no "</script>" or "<!--" in the data can end the element early.
  const json = JSON.stringify(topology).replace(/</g, '\\u003c');
  const js = assets.js.replace(/<\/(script)/gi, '<\\/$1');
  const css = assets.css.replace(/<\/(style)/gi, '<\\/$1');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>${xmlText(title)}</title>
<style id="fleetmap-viewer-css">${css}</style>
</head>
<body>
<div id="root"></div>
<script type="application/json" id="fleetmap-snapshot">${json}</script>
<script id="fleetmap-viewer-js">${js}</script>
</body>
</html>
`;
}

import type { Graph } from '../topology/graph/types';
import type { Layout } from '../topology/layout/types';
import type { Topology } from '../topology/model';
import { toDrawio } from '../export/drawio';
import { toHtml, type ViewerAssets } from '../export/html';
import { caption } from '../topology/present/labels';
import { toMermaid } from '../export/mermaid';
import { screenForExport } from '../export/prepare';
import { toSvg, type Crop } from '../export/svg';

export type ExportFormat = 'png' | 'png2x' | 'png-visible' | 'svg' | 'drawio' | 'mermaid' | 'json' | 'html';

/** Browsers refuse or crawl past this many canvas pixels; a bigger PNG is drawn at a smaller scale. */
const MAX_PNG_PIXELS = 64_000_000;

function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const fit = Math.min(scale, Math.sqrt(MAX_PNG_PIXELS / Math.max(1, img.width * img.height)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * fit);
    canvas.height = Math.round(img.height * fit);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw a PNG');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The viewer's own script and stylesheet: from the page itself offline, from the server otherwise. */
async function viewerAssets(): Promise<ViewerAssets> {
  const js = document.getElementById('fleetmap-viewer-js')?.textContent;
  const css = document.getElementById('fleetmap-viewer-css')?.textContent;
  if (js && css) return { js, css };
  const [jsRes, cssRes] = await Promise.all([fetch('viewer/fleetmap-viewer.js'), fetch('viewer/fleetmap-viewer.css')]);
  if (!jsRes.ok || !cssRes.ok) throw new Error('the viewer is not built: run "npm run build"');
  return { js: await jsRes.text(), css: await cssRes.text() };
}

/** Exports exactly what the screen shows: the same graph (view, unfolded groups) and the same layout. */
export async function exportMap(format: ExportFormat, topology: Topology, graph: Graph, layout: Layout, visible: Crop): Promise<void> {
  const p = screenForExport(topology, graph, layout);
  const base = `fleetmap-${graph.view}-${new Date(topology.source.fetchedAt).toISOString().replace(/[:.]/g, '-')}`;
  switch (format) {
    case 'svg':
      return download(`${base}.svg`, new Blob([toSvg(p)], { type: 'image/svg+xml' }));
    case 'png':
    case 'png2x':
      return download(`${base}${format === 'png2x' ? '@2x' : ''}.png`, await svgToPng(toSvg(p), format === 'png2x' ? 2 : 1));
    case 'png-visible':
      return download(`${base}-visible.png`, await svgToPng(toSvg(p, { crop: visible }), window.devicePixelRatio || 1));
    case 'drawio':
      return download(`${base}.drawio`, new Blob([toDrawio(p)], { type: 'application/xml' }));
    case 'mermaid':
      return download(`${base}.mmd`, new Blob([toMermaid(p)], { type: 'text/plain' }));
    case 'json':
      return download(`${base}.json`, new Blob([JSON.stringify(p.topology, null, 2)], { type: 'application/json' }));
    case 'html':
      return download(`${base}.html`, new Blob([toHtml(p.topology, await viewerAssets(), caption(p.topology.source, graph.view))], { type: 'text/html' }));
  }
}

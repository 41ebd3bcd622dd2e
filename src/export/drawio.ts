import type { GraphEdge } from '../topology/graph/types';
import { absoluteBoxes } from '../topology/layout/absolute';
import type { Box } from '../topology/layout/types';
import { xmlAttr } from '../topology/present/escape';
import { caption, nodeText, textLines } from '../topology/present/labels';
import { EDGE_COLORS } from '../topology/present/theme';
import { drawioStyle } from './drawioStyles';
import type { ExportInput } from './prepare';

/** Where an edge leaves its source and enters its target, as fractions of each box, and the bends between. */
interface EdgeGeometry {
  exitX: number;
  entryX: number;
  points: [number, number][];
}

/**
 * An edge laid along the layout's route: its bends as waypoints (absolute, as mxGraph reads the points of an edge in
 * the top layer), its ends pinned to where the route meets each box, so draw.io draws the route the map drew.
 */
function geometryOf(route: readonly (readonly [number, number])[] | undefined, s: Box, t: Box): EdgeGeometry | undefined {
  const first = route?.[0];
  const last = route?.[route.length - 1];
  if (!route || !first || !last || route.length < 2) return undefined;
  const frac = (x: number, b: Box) => (b.width ? Math.min(1, Math.max(0, (x - b.x) / b.width)) : 0.5);
  return { exitX: r(frac(first[0], s), 1000), entryX: r(frac(last[0], t), 1000), points: route.slice(1, -1).map(([x, y]) => [r(x), r(y)]) };
}

function edgeCell(e: GraphEdge, i: number, source: string, target: string, g: EdgeGeometry | undefined): string {
  const stroke = e.unhealthy ? EDGE_COLORS.unhealthy : EDGE_COLORS.line;
  const ends = g ? `exitX=${g.exitX};exitY=1;exitDx=0;exitDy=0;entryX=${g.entryX};entryY=0;entryDx=0;entryDy=0;` : '';
  const points = g?.points.length ? `<Array as="points">${g.points.map(([x, y]) => `<mxPoint x="${x}" y="${y}"/>`).join('')}</Array>` : '';
  return `<mxCell id="e${i + 1}" value="${xmlAttr(e.label ?? '')}" style="edgeStyle=orthogonalEdgeStyle;rounded=0;html=0;fontSize=10;strokeColor=${stroke};strokeWidth=${e.unhealthy ? 2 : 1};endArrow=block;endSize=6;${ends}" edge="1" parent="1" source="${source}" target="${target}"><mxGeometry relative="1" as="geometry">${points}</mxGeometry></mxCell>`;
}

/**
 * A diagrams.net file: one cell per node with its layout position relative to its container (as mxGraph expects),
 * drawn with draw.io's AWS groups and icons (`drawioStyle`); VPC, AZ, subnet, instance, node and cluster boxes as
 * containers holding their children, and every edge attached to the cells it joins and laid along its route, so the
 * diagram opens ready to edit.
 */
export function toDrawio(p: ExportInput): string {
  const { graph, layout, topology } = p;
  const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
  const abs = absoluteBoxes(layout);
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const containers = new Set(graph.nodes.map((n) => n.parent).filter((x): x is string => x !== undefined));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  for (const n of graph.nodes) {
    const b = boxes.get(n.id);
    if (!b) continue;
    const value = textLines(nodeText(n)).join('\n');
    const parent = n.parent ? (ids.get(n.parent) ?? '1') : '1';
    cells.push(
      `<mxCell id="${ids.get(n.id) ?? ''}" value="${xmlAttr(value)}" tooltip="${xmlAttr(n.id)}" style="${drawioStyle(n, containers.has(n.id))}" vertex="1" parent="${parent}"><mxGeometry x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" as="geometry"/></mxCell>`,
    );
  }
  graph.edges.forEach((e, i) => {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    const s = abs.get(e.source);
    const t = abs.get(e.target);
    if (!source || !target || !s || !t) return;
    cells.push(edgeCell(e, i, source, target, geometryOf(layout.routes?.[e.id], s, t)));
  });
  const name = xmlAttr(caption(topology.source, graph.view));
  return [
    `<mxfile host="fleetmap" type="device">`,
    `<diagram id="fleetmap-${graph.view}" name="${name}">`,
    `<mxGraphModel dx="0" dy="0" grid="0" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" pageWidth="${Math.ceil(layout.width)}" pageHeight="${Math.ceil(layout.height)}" math="0" shadow="0">`,
    `<root>`,
    ...cells,
    `</root></mxGraphModel></diagram></mxfile>`,
  ].join('\n');
}

const r = (n: number, per = 10) => Math.round(n * per) / per;

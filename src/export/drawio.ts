import type { GraphNode } from '../topology/graph/types';
import { xmlAttr } from '../topology/present/escape';
import { caption, nodeText, textLines } from '../topology/present/labels';
import { BOX_STYLE, EDGE_COLORS, HEALTH_COLORS, INK, serviceColor, SUBNET_STYLE, TASK_FILL, type BoxColors } from '../topology/present/theme';
import type { ExportInput } from './prepare';

/** mxGraph style per node: containers hold their children (diagrams.net moves them together), leaves are plain. */
function styleOf(n: GraphNode, container: boolean): string {
  const base = 'rounded=1;arcSize=4;whiteSpace=wrap;html=0;fontSize=11;';
  const box = ({ fill, stroke }: BoxColors) =>
    `${base}fillColor=${fill};strokeColor=${stroke};fontColor=${INK.text};${container ? 'container=1;collapsible=0;verticalAlign=top;align=left;spacingLeft=8;spacingTop=2;fontStyle=1;' : ''}`;
  const alert = `strokeColor=${HEALTH_COLORS.unhealthy};`;
  switch (n.kind) {
    case 'vpc':
    case 'az':
    case 'instance':
    case 'loadBalancer':
      return box(BOX_STYLE[n.kind]);
    case 'subnet':
      return box(SUBNET_STYLE[n.exposure]) + (n.exposure === 'unknown' ? 'dashed=1;' : '');
    case 'cluster':
      return box(BOX_STYLE.cluster) + 'strokeWidth=2;';
    case 'service':
    case 'workload':
      return (
        box({ fill: container ? BOX_STYLE.serviceBox.fill : BOX_STYLE.service.fill, stroke: serviceColor(n.color) }) +
        `strokeWidth=2;${n.unhealthy && !container ? alert : ''}`
      );
    case 'task':
    case 'pod':
      return `${base}fillColor=${TASK_FILL[n.health]};strokeColor=${serviceColor(n.color)};fontColor=${INK.text};strokeWidth=2;${n.health === 'unhealthy' ? alert : ''}`;
    case 'node':
      return box(BOX_STYLE.node) + `strokeWidth=2;${n.spot ? 'dashed=1;' : ''}${n.ready === false ? alert : ''}`;
    case 'namespace':
      return box(BOX_STYLE.namespace) + 'dashed=1;';
    case 'taskGroup':
    case 'podGroup':
      return `${base}fillColor=${BOX_STYLE.task.fill};strokeColor=${serviceColor(n.color)};fontColor=${INK.text};strokeWidth=2;shadow=1;${n.counts.unhealthy ? alert : ''}`;
    case 'targetGroup':
      return box(BOX_STYLE.targetGroup) + (n.counts.unhealthy ? alert : '');
  }
}

/**
 * A diagrams.net file: one cell per node with its layout position relative to its container (as mxGraph expects),
 * VPC, AZ, subnet, instance and cluster boxes as containers holding their children, and every edge attached to the
 * cells it joins, so the diagram opens ready to edit.
 */
export function toDrawio(p: ExportInput): string {
  const { graph, layout, topology } = p;
  const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const containers = new Set(graph.nodes.map((n) => n.parent).filter((x): x is string => x !== undefined));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  for (const n of graph.nodes) {
    const b = boxes.get(n.id);
    if (!b) continue;
    const value = textLines(nodeText(n)).join('\n');
    const parent = n.parent ? (ids.get(n.parent) ?? '1') : '1';
    cells.push(
      `<mxCell id="${ids.get(n.id) ?? ''}" value="${xmlAttr(value)}" tooltip="${xmlAttr(n.id)}" style="${styleOf(n, containers.has(n.id))}" vertex="1" parent="${parent}"><mxGeometry x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" as="geometry"/></mxCell>`,
    );
  }
  graph.edges.forEach((e, i) => {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    if (!source || !target) return;
    const stroke = e.unhealthy ? EDGE_COLORS.unhealthy : EDGE_COLORS.line;
    cells.push(
      `<mxCell id="e${i + 1}" value="${xmlAttr(e.label ?? '')}" style="edgeStyle=orthogonalEdgeStyle;rounded=0;html=0;fontSize=10;strokeColor=${stroke};endArrow=block;endSize=6;" edge="1" parent="1" source="${source}" target="${target}"><mxGeometry relative="1" as="geometry"/></mxCell>`,
    );
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

const r = (n: number) => Math.round(n * 10) / 10;

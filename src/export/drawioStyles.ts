import type { GraphNode } from '../topology/graph/types';
import { BOX_STYLE, HEALTH_COLORS, INK, serviceColor, TASK_FILL } from '../topology/present/theme';
import { alerted } from './alerted';

/**
 * mxGraph styles in draw.io's own AWS vocabulary, so a file opens looking like an AWS diagram and every box stays an
 * ordinary editable cell. Only names from draw.io's built-in library appear here (its AWS group shape and the stencils
 * it ships); no icon artwork is embedded.
 *
 * `shape=mxgraph.aws4.group` draws a rectangle with the stencil named by `grIcon` in its top-left corner, painted in
 * the stroke colour, so one shape serves the VPC, AZ and subnet groups of draw.io's palette and, with a service's
 * stencil as the icon, a cluster, a load balancer, a service or a task.
 */

/** draw.io's AWS colours for the groups, as its "AWS / Groups" palette draws them. */
const AWS = {
  vpc: '#8C4FFF',
  az: '#147EBA',
  publicStroke: '#7AA116',
  publicFill: '#F2F6E8',
  publicText: '#248814',
  privateStroke: '#00A4A6',
  privateFill: '#E6F6F7',
  privateText: '#147EBA',
  ec2: '#D86613',
  compute: '#ED7100',
  generic: '#5A6C86',
} as const;

const icon = (name: string) => `mxgraph.aws4.${name}`;

/** The stencil each load balancer type is drawn with (DescribeLoadBalancers: Type). */
const LB_ICON: Record<string, string> = {
  application: icon('application_load_balancer'),
  network: icon('network_load_balancer'),
  gateway: icon('gateway_load_balancer'),
};

interface Look {
  /** The stencil in the corner; none draws a plain group */
  grIcon?: string;
  stroke: string;
  fill: string;
  font: string;
  dashed?: boolean;
  /** 0: no outline, the fill alone (draw.io's subnets) */
  grStroke?: 0;
  strokeWidth?: number;
  /** draw.io's hatch fill: an older revision */
  hatch?: boolean;
}

const unitFill = (n: GraphNode) => (n.kind === 'task' || n.kind === 'pod' ? TASK_FILL[n.health] : BOX_STYLE.task.fill);

/** What each node looks like, before the alert colour. */
function lookOf(n: GraphNode, container: boolean): Look {
  switch (n.kind) {
    case 'vpc':
      return { grIcon: icon('group_vpc2'), stroke: AWS.vpc, fill: 'none', font: INK.text };
    case 'az':
      // draw.io's "AWS / Groups" palette draws an AZ as a plain dashed group: its AWS4 library has no AZ icon.
      return { stroke: AWS.az, fill: 'none', font: AWS.az, dashed: true };
    case 'subnet':
      switch (n.exposure) {
        case 'public':
          return { grIcon: icon('group_security_group'), stroke: AWS.publicStroke, fill: AWS.publicFill, font: AWS.publicText, grStroke: 0 };
        case 'private':
          return { grIcon: icon('group_security_group'), stroke: AWS.privateStroke, fill: AWS.privateFill, font: AWS.privateText, grStroke: 0 };
        case 'unknown':
          // Routes not read: neither public nor private, so the palette's generic group (no icon), dashed as on the canvas.
          return { stroke: AWS.generic, fill: 'none', font: AWS.generic, dashed: true };
      }
      break;
    case 'instance':
      return { grIcon: icon('group_ec2_instance_contents'), stroke: AWS.ec2, fill: 'none', font: INK.text };
    case 'node':
      return { grIcon: icon('group_ec2_instance_contents'), stroke: AWS.ec2, fill: 'none', font: INK.text, dashed: n.spot, strokeWidth: 2 };
    case 'cluster':
      return { grIcon: icon(n.engine === 'eks' ? 'eks' : 'ecs'), stroke: AWS.compute, fill: 'none', font: INK.text, strokeWidth: 2 };
    case 'namespace':
      return { stroke: AWS.generic, fill: 'none', font: INK.text, dashed: true };
    case 'loadBalancer':
      return { grIcon: LB_ICON[n.lbType] ?? icon('elastic_load_balancing'), stroke: AWS.vpc, fill: BOX_STYLE.loadBalancer.fill, font: INK.text };
    case 'targetGroup':
      return { stroke: BOX_STYLE.targetGroup.stroke, fill: BOX_STYLE.targetGroup.fill, font: INK.text };
    case 'service':
    case 'workload': {
      const fill = container ? BOX_STYLE.serviceBox.fill : BOX_STYLE.service.fill;
      return { ...(n.kind === 'service' ? { grIcon: icon('ecs_service') } : {}), stroke: serviceColor(n.color), fill, font: INK.text, strokeWidth: 2 };
    }
    case 'task':
    case 'taskGroup':
      return {
        grIcon: icon('ecs_task'),
        stroke: serviceColor(n.color),
        fill: unitFill(n),
        font: INK.text,
        strokeWidth: 2,
        hatch: n.kind === 'task' && n.oldRevision,
      };
    case 'pod':
    case 'podGroup':
      return { stroke: serviceColor(n.color), fill: unitFill(n), font: INK.text, strokeWidth: 2, hatch: n.kind === 'pod' && n.oldRevision };
  }
}

/**
 * A node's mxGraph style. A container holds its children (`container=1`), so moving a group in draw.io moves what
 * it holds; the label sits top-left beside the icon, as draw.io's own groups place it.
 */
export function drawioStyle(n: GraphNode, container: boolean): string {
  const look = lookOf(n, container);
  const parts: string[] = [
    'html=0',
    'whiteSpace=wrap',
    'fontSize=11',
    'verticalAlign=top',
    'align=left',
    look.grIcon ? 'spacingLeft=30' : 'spacingLeft=8',
    'spacingTop=2',
  ];
  if (look.grIcon) parts.push('shape=mxgraph.aws4.group', `grIcon=${look.grIcon}`);
  else parts.push('rounded=1', 'arcSize=4');
  parts.push(`strokeColor=${alerted(n) ? HEALTH_COLORS.unhealthy : look.stroke}`, `fillColor=${look.fill}`, `fontColor=${look.font}`);
  if (look.grStroke === 0) parts.push('grStroke=0');
  if (look.strokeWidth) parts.push(`strokeWidth=${look.strokeWidth}`);
  if (look.dashed) parts.push('dashed=1');
  if (look.hatch) parts.push('fillStyle=hatch');
  if (container) parts.push('container=1', 'collapsible=0', 'recursiveResize=0', 'pointerEvents=0', 'fontStyle=1');
  return `${parts.join(';')};`;
}

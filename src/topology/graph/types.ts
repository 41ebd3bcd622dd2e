import type { SubnetExposure } from './subnets';

/** Task health as the map shows it: a failing target or container check beats a running status. */
export type TaskHealth = 'healthy' | 'unhealthy' | 'pending' | 'stopped' | 'unknown';

export type View = 'network' | 'service';

export interface HealthCounts {
  healthy: number;
  unhealthy: number;
  pending: number;
  stopped: number;
  unknown: number;
}

interface Base {
  /** Graph node id: the resource id, or a derived id for boxes and folded groups */
  id: string;
  /** Containing node (React Flow parentId); absent at the top level */
  parent?: string;
}

export type GraphNode =
  | (Base & { kind: 'vpc'; label: string; cidr: string })
  | (Base & { kind: 'az'; label: string; zoneId?: string })
  | (Base & { kind: 'subnet'; label: string; cidr: string; exposure: SubnetExposure; az: string; taskCount: number; podCount: number })
  | (Base & { kind: 'instance'; label: string; instanceType: string; cpu: string; memory: string; resourceId: string })
  | (Base & { kind: 'cluster'; label: string; detail: string; engine: 'ecs' | 'eks' })
  | (Base & {
      kind: 'task';
      label: string;
      serviceId?: string;
      color: number;
      health: TaskHealth;
      revision: string;
      oldRevision: boolean;
      reason?: string;
      /** A Kubernetes pod rather than an ECS task */
      pod?: boolean;
    })
  | (Base & {
      kind: 'node';
      /** An EKS worker node (the node group's EC2 instance): the box its pods sit in */
      label: string;
      cluster: string;
      nodeGroup: string;
      instanceType: string;
      spot: boolean;
      state: string;
      /** "12 pods · 1930m cpu · 7.2 GiB" when the Kubernetes API was read */
      usage?: string;
      ready?: boolean;
    })
  | (Base & {
      kind: 'taskGroup';
      label: string;
      serviceId?: string;
      color: number;
      counts: HealthCounts;
      taskIds: string[];
      pod?: boolean;
      /** Pods of a system namespace, folded by default */
      system?: boolean;
    })
  | (Base & { kind: 'namespace'; label: string; cluster: string; detail: string })
  | (Base & { kind: 'loadBalancer'; label: string; lbType: string; scheme: string; azs: string[] })
  | (Base & { kind: 'targetGroup'; label: string; detail: string; counts: HealthCounts; unreadable: boolean })
  | (Base & {
      kind: 'service';
      label: string;
      color: number;
      detail: string;
      azCounts: Record<string, number>;
      deploying: boolean;
      unhealthy: number;
      /** How traffic reaches it: "storefront-alb /api/* → api-tg", one per load balancer rule */
      routes: string[];
      /** A Kubernetes workload (Deployment, StatefulSet, …) rather than an ECS service */
      workloadKind?: string;
    });

export type GraphNodeKind = GraphNode['kind'];

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** lb → target group (label: listener rule) or target group → service */
  kind: 'route' | 'serves';
  label?: string;
  unhealthy: boolean;
}

export interface Graph {
  view: View;
  /** Parents before children, as React Flow requires */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The AZs drawn, in column order */
  azs: string[];
}

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

/** What a task and a pod share: a small box in the colour of what runs it, with a health. */
interface UnitFields {
  /** Its service's or workload's name; a standalone task's group, an unowned pod's own name */
  label: string;
  /** The ECS service (of a task) or Kubernetes workload (of a pod) it belongs to */
  ownerId?: string;
  /** Palette slot of its owner; -1 for none or a system namespace */
  color: number;
  health: TaskHealth;
  reason?: string;
}

/** What a folded run of tasks or pods shares: a count and a health bar in its owner's colour. */
interface GroupFields {
  /** Its service's or workload's name, or the namespace of a system group */
  label: string;
  ownerId?: string;
  color: number;
  counts: HealthCounts;
}

/** What an ECS service and a Kubernetes workload share: the band card, or in the service view the box of its units. */
interface OwnerFields {
  label: string;
  color: number;
  detail: string;
  azCounts: Record<string, number>;
  deploying: boolean;
  unhealthy: number;
  /** How traffic reaches it: "storefront-alb /api/* → api-tg", one per load balancer rule */
  routes: string[];
}

export type GraphNode =
  | (Base & { kind: 'vpc'; label: string; cidr: string })
  | (Base & { kind: 'az'; label: string; zoneId?: string })
  | (Base & { kind: 'subnet'; label: string; cidr: string; exposure: SubnetExposure; az: string; taskCount: number; podCount: number })
  | (Base & { kind: 'instance'; label: string; instanceType: string; cpu: string; memory: string; resourceId: string })
  | (Base & { kind: 'cluster'; label: string; detail: string; engine: 'ecs' | 'eks' })
  | (Base &
      UnitFields & {
        /** An ECS task */
        kind: 'task';
        /** Its task definition, "family:revision" (DescribeTasks: taskDefinitionArn) */
        revision: string;
        /** Runs a task definition other than its service's primary deployment's */
        oldRevision: boolean;
      })
  | (Base &
      UnitFields & {
        /** A Kubernetes pod */
        kind: 'pod';
        namespace: string;
        /** pod-template-hash: the ReplicaSet it runs (Deployments only) */
        templateHash?: string;
        /** Runs a ReplicaSet other than its Deployment's newest */
        oldRevision: boolean;
        /** Its containers' restarts (kubectl's RESTARTS) */
        restarts: number;
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
  | (Base & GroupFields & { kind: 'taskGroup'; taskIds: string[] })
  | (Base &
      GroupFields & {
        kind: 'podGroup';
        podIds: string[];
        /** Pods of a system namespace, folded by default */
        system?: boolean;
      })
  | (Base & { kind: 'namespace'; label: string; cluster: string; detail: string })
  | (Base & { kind: 'loadBalancer'; label: string; lbType: string; scheme: string; azs: string[] })
  | (Base & { kind: 'targetGroup'; label: string; detail: string; counts: HealthCounts; unreadable: boolean })
  | (Base & OwnerFields & { kind: 'service' })
  | (Base &
      OwnerFields & {
        kind: 'workload';
        /** Deployment, StatefulSet, DaemonSet, … */
        workloadKind: string;
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

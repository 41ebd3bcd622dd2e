import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { pathOf, routeLabelAt } from '../../topology/present/edges';

/** An edge's route from the layout (absolute points, the flow's own coordinates), when it has one. */
export type RoutedEdgeData = { points?: [number, number][] };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

/**
 * Draws the layout's route, which enters its own target and crosses no unrelated box; an edge the router could not
 * place falls back to React Flow's step path between the handles.
 */
export function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const { data, label, markerEnd, style, labelStyle, labelBgStyle, labelBgPadding, labelShowBg } = props;
  const points = data?.points;
  const [path, labelX, labelY] =
    points && points.length > 1
      ? [pathOf(points), routeLabelAt(points).x, routeLabelAt(points).y]
      : getSmoothStepPath({
          sourceX: props.sourceX,
          sourceY: props.sourceY,
          targetX: props.targetX,
          targetY: props.targetY,
          sourcePosition: props.sourcePosition,
          targetPosition: props.targetPosition,
        });
  return (
    <BaseEdge
      path={path}
      label={label}
      labelX={labelX}
      labelY={labelY}
      {...(markerEnd ? { markerEnd } : {})}
      {...(style ? { style } : {})}
      {...(labelStyle ? { labelStyle } : {})}
      {...(labelBgStyle ? { labelBgStyle } : {})}
      {...(labelBgPadding ? { labelBgPadding } : {})}
      {...(labelShowBg !== undefined ? { labelShowBg } : {})}
    />
  );
}

/** At module scope: a new object per render would remount every edge. */
export const edgeTypes = { routed: RoutedEdge };

import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { arrowHead, pathOf, routeLabelAt } from '../../topology/present/edges';

/**
 * An edge's route from the layout (absolute points, the flow's own coordinates), when it has one, and where its label
 * sits among the map's other routes (routeLabels).
 */
export type RoutedEdgeData = { points?: [number, number][]; labelAt?: { x: number; y: number } };
export type RoutedFlowEdge = Edge<RoutedEdgeData, 'routed'>;

/**
 * Draws the layout's route, which enters its own target and crosses no unrelated box, ending in an arrowhead so the
 * arrival reads even where the last run into the target is a few pixels long; an edge the router could not place falls
 * back to React Flow's step path between the handles.
 */
export function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const { data, label, markerEnd, style, labelStyle, labelBgStyle, labelBgPadding, labelShowBg } = props;
  const points = data?.points;
  const routed = points && points.length > 1 ? points : undefined;
  const at = routed ? (data?.labelAt ?? routeLabelAt(routed)) : undefined;
  const [path, labelX, labelY] =
    routed && at
      ? [pathOf(routed), at.x, at.y]
      : getSmoothStepPath({
          sourceX: props.sourceX,
          sourceY: props.sourceY,
          targetX: props.targetX,
          targetY: props.targetY,
          sourcePosition: props.sourcePosition,
          targetPosition: props.targetPosition,
        });
  return (
    <>
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
      {/* Stroked like the line itself, so it takes the line's colour, width and fading from the same rules. */}
      {routed ? <path className="react-flow__edge-path" d={arrowHead(routed)} fill="none" strokeLinejoin="round" /> : null}
    </>
  );
}

/** At module scope: a new object per render would remount every edge. */
export const edgeTypes = { routed: RoutedEdge };

import { useCallback, useMemo } from 'react';
import { Background, Controls, MiniMap, ReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { selectExpanded, selectSelected, selectView, useStore } from '../app/store';
import { buildGraph } from '../topology/graph/buildGraph';
import type { Topology } from '../topology/model';
import { nodeTypes } from './nodes/nodeTypes';
import { toFlowEdges, toFlowNodes, type FlowNode } from './toFlow';
import { useLayout } from './useLayout';

const MINIMAP_COLORS: Record<string, string> = { vpc: '#e8eef7', az: '#dde6f2', subnet: '#cfdced', instance: '#c2d0e4', cluster: '#e8eef7' };

export function Canvas({ topology }: { topology: Topology }) {
  const view = useStore(selectView);
  const expanded = useStore(selectExpanded);
  const selected = useStore(selectSelected);
  const select = useStore((s) => s.select);
  const toggleExpanded = useStore((s) => s.toggleExpanded);
  const graph = useMemo(() => buildGraph(topology, { view, expanded }), [topology, view, expanded]);
  const layout = useLayout(graph);
  const nodes = useMemo(() => (layout.kind === 'ready' ? toFlowNodes(layout.graph, layout.layout, selected) : []), [layout, selected]);
  const edges = useMemo(() => (layout.kind === 'ready' ? toFlowEdges(layout.graph, selected) : []), [layout, selected]);

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => {
      const kind = node.data.node.kind;
      if (kind === 'taskGroup') toggleExpanded(node.id);
      if (kind === 'vpc' || kind === 'az' || kind === 'subnet') return;
      select(node.id);
    },
    [select, toggleExpanded],
  );

  if (layout.kind === 'error') return <div className="canvas-message error">Layout failed: {layout.message}</div>;
  return (
    <div className="canvas" data-layout={layout.kind}>
      {layout.kind === 'pending' ? <div className="canvas-message">Laying out…</div> : null}
      <ReactFlow
        key={`${view}-${layout.kind}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={() => select(undefined)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        onlyRenderVisibleElements
        fitView
        fitViewOptions={{ padding: 0.04 }}
        minZoom={0.02}
        maxZoom={3}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={(n) => MINIMAP_COLORS[n.type ?? ''] ?? '#8aa4c8'} />
      </ReactFlow>
    </div>
  );
}

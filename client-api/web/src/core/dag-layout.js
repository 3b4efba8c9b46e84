/**
 * Lays a pipeline graph out in layers from left to right: each node in the column after its furthest
 * predecessor (exposed inputs in the first column), nodes in a column ordered by where their predecessors
 * sit so edges cross less. Nodes on a cycle (which validation reports) go to one column after the rest.
 */

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 56;
const COLUMN_GAP = 120;
const ROW_GAP = 36;
const MARGIN = 16;

/**
 * @param {{nodes?: Array<{id:string}>, edges?: Array<{fromNode:string,toNode:string,fromPointer?:string,toPointer:string}>,
 *          inputs?: Array<{name:string, targets:Array<{nodeId:string,pointer:string}>}>}} graph
 * @returns {{boxes: Array<{key:string, kind:'node'|'input', id:string, index:number, x:number, y:number}>,
 *            links: Array<{from:string, to:string, label:string, kind:'edge'|'input', index:number}>, width:number, height:number}}
 */
export function layoutGraph(graph) {
  const nodes = graph?.nodes ?? [];
  const edges = graph?.edges ?? [];
  const inputs = graph?.inputs ?? [];
  const hasInputs = inputs.length > 0;
  const ids = new Set(nodes.map((n) => n.id));

  const predecessors = new Map(nodes.map((n) => [n.id, []]));
  for (const edge of edges) {
    if (ids.has(edge.fromNode) && ids.has(edge.toNode) && edge.fromNode !== edge.toNode) predecessors.get(edge.toNode).push(edge.fromNode);
  }

  const column = new Map();
  const first = hasInputs ? 1 : 0;
  const visiting = new Set();
  const place = (id) => {
    if (column.has(id)) return column.get(id);
    if (visiting.has(id)) return null;
    visiting.add(id);
    let at = first;
    for (const from of predecessors.get(id)) {
      const before = place(from);
      if (before === null) { visiting.delete(id); return null; }
      at = Math.max(at, before + 1);
    }
    visiting.delete(id);
    column.set(id, at);
    return at;
  };
  const onCycle = nodes.filter((n) => place(n.id) === null);
  const last = Math.max(first - 1, ...column.values());
  for (const node of onCycle) column.set(node.id, last + 1);

  const columns = [];
  if (hasInputs) columns[0] = inputs.map((input, index) => ({ key: `input:${input.name}:${index}`, kind: 'input', id: input.name, index }));
  nodes.forEach((node, index) => {
    const at = column.get(node.id);
    (columns[at] ??= []).push({ key: `node:${node.id}:${index}`, kind: 'node', id: node.id, index });
  });

  const rowOf = new Map();
  const boxes = [];
  columns.forEach((members = [], at) => {
    const ordered = at === 0 ? members : [...members].sort((a, b) => barycenter(a) - barycenter(b));
    ordered.forEach((box, row) => {
      rowOf.set(box.key, row);
      boxes.push({ ...box, x: MARGIN + at * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) });
    });
  });

  function barycenter(box) {
    const rows = predecessors.get(box.id).map((from) => rowOf.get(nodeKey(from))).filter((row) => row !== undefined);
    const fromInputs = inputs.flatMap((input, index) => (input.targets ?? []).some((t) => t.nodeId === box.id) ? [index] : []);
    const all = [...rows, ...fromInputs];
    return all.length ? all.reduce((a, b) => a + b, 0) / all.length : Number.MAX_SAFE_INTEGER;
  }

  function nodeKey(id) {
    const index = nodes.findIndex((n) => n.id === id);
    return `node:${id}:${index}`;
  }

  const links = [];
  edges.forEach((edge, index) => {
    if (ids.has(edge.fromNode) && ids.has(edge.toNode)) {
      links.push({ from: nodeKey(edge.fromNode), to: nodeKey(edge.toNode), label: `${edge.fromPointer || '(all)'} → ${edge.toPointer}`, kind: 'edge', index });
    }
  });
  inputs.forEach((input, index) => {
    for (const target of input.targets ?? []) {
      if (ids.has(target.nodeId)) links.push({ from: `input:${input.name}:${index}`, to: nodeKey(target.nodeId), label: target.pointer, kind: 'input', index });
    }
  });

  const width = Math.max(NODE_WIDTH, ...boxes.map((b) => b.x + NODE_WIDTH)) + MARGIN;
  const height = Math.max(NODE_HEIGHT, ...boxes.map((b) => b.y + NODE_HEIGHT)) + MARGIN;
  return { boxes, links, width, height };
}

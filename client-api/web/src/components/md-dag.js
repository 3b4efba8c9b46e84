import { html, svg, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../core/dag-layout.js';

/**
 * A drawing of a pipeline graph (SVG): task nodes in layers from left to right, exposed inputs in the first
 * column, edges labelled with their output → input pointers. Nodes, edges and inputs that a problem points at
 * ("/nodes/2/taskVersion", "/edges/0") are outlined in red with the problem as their tooltip. A node is a button:
 * clicking it or pressing Enter fires `node-select` with `{ detail: { id } }`.
 */
export class MdDag extends MdElement {
  static properties = {
    graph: { attribute: false },
    problems: { attribute: false },
    selected: { type: String },
  };

  constructor() {
    super();
    this.graph = { nodes: [], edges: [], inputs: [] };
    this.problems = [];
    this.selected = '';
  }

  problemsAt(prefix) {
    return (this.problems ?? []).filter((p) => p.pointer === prefix || p.pointer?.startsWith(`${prefix}/`)).map((p) => p.message);
  }

  select(id) {
    this.dispatchEvent(new CustomEvent('node-select', { detail: { id }, bubbles: true }));
  }

  render() {
    const nodes = this.graph?.nodes ?? [];
    if (!nodes.length) return html`<p class="muted dag-empty">No nodes yet.</p>`;
    const layout = layoutGraph(this.graph);
    const at = new Map(layout.boxes.map((b) => [b.key, b]));
    return html`<div class="dag-scroll"><svg class="dag" role="img" aria-label="Pipeline graph: ${nodes.length} nodes, ${this.graph.edges?.length ?? 0} edges"
      width="100%" style="max-width: ${layout.width}px" viewBox="0 0 ${layout.width} ${layout.height}" data-testid="pipeline-dag">
      <defs><marker id="dag-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" class="dag-arrowhead"></path></marker></defs>
      ${layout.links.map((link) => this.renderLink(link, at.get(link.from), at.get(link.to)))}
      ${layout.boxes.map((box) => (box.kind === 'node' ? this.renderNode(box, nodes[box.index]) : this.renderInput(box, this.graph.inputs[box.index])))}
    </svg></div>`;
  }

  renderLink(link, from, to) {
    if (!from || !to) return nothing;
    const problems = link.kind === 'edge' ? this.problemsAt(`/edges/${link.index}`) : this.problemsAt(`/inputs/${link.index}`);
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const bend = Math.max(40, (x2 - x1) / 2);
    const path = x2 > x1
      ? `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`
      : `M${x1},${y1} C${x1 + 80},${y1 + 90} ${x2 - 80},${y2 + 90} ${x2},${y2}`;
    const labelX = (x1 + x2) / 2;
    const labelY = (y1 + y2) / 2 - 6;
    return svg`<g class="dag-link ${link.kind} ${problems.length ? 'problem' : ''}" data-testid="dag-${link.kind}">
      <title>${problems.length ? problems.join('\n') : link.label}</title>
      <path d=${path} marker-end="url(#dag-arrow)"></path>
      <text x=${labelX} y=${labelY} text-anchor="middle">${clip(link.label, 34)}</text>
    </g>`;
  }

  renderNode(box, node) {
    const problems = this.problemsAt(`/nodes/${box.index}`);
    const classes = `dag-node ${problems.length ? 'problem' : ''} ${this.selected === node.id ? 'selected' : ''}`;
    return svg`<g class=${classes} transform="translate(${box.x},${box.y})" tabindex="0" role="button" data-node=${node.id}
      aria-label="Node ${node.id}: ${node.taskName} ${node.taskVersion}${problems.length ? `, ${problems.length} problem(s)` : ''}"
      @click=${() => this.select(node.id)} @keydown=${(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.select(node.id); } }}>
      <title>${problems.length ? problems.join('\n') : `${node.taskName} ${node.taskVersion}`}</title>
      <rect width=${NODE_WIDTH} height=${NODE_HEIGHT} rx="8"></rect>
      <text x="12" y="22" class="dag-node-id">${clip(node.id, 22)}</text>
      <text x="12" y="42" class="dag-node-task">${clip(`${node.taskName} ${node.taskVersion}`, 26)}</text>
    </g>`;
  }

  renderInput(box, input) {
    const problems = this.problemsAt(`/inputs/${box.index}`);
    const required = input.defaultJson === undefined || input.defaultJson === null;
    return svg`<g class="dag-input ${problems.length ? 'problem' : ''}" transform="translate(${box.x},${box.y})">
      <title>${problems.length ? problems.join('\n') : `Input ${input.name}${required ? ' (required)' : ` (default ${input.defaultJson})`}`}</title>
      <rect width=${NODE_WIDTH} height=${NODE_HEIGHT} rx=${NODE_HEIGHT / 2}></rect>
      <text x="16" y="24" class="dag-node-id">${clip(input.name, 22)}</text>
      <text x="16" y="42" class="dag-node-task">${required ? 'input, required' : 'input, has default'}</text>
    </g>`;
  }
}

function clip(text, length) {
  const value = String(text ?? '');
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

customElements.define('md-dag', MdDag);

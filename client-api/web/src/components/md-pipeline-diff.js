import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';

/** What changed between two versions of a pipeline (GET …/versions/{from}/diff?to=): nodes, edges and inputs added, removed or changed. */
export class MdPipelineDiff extends MdElement {
  static properties = {
    from: { type: String },
    to: { type: String },
    diff: { attribute: false },
  };

  render() {
    const d = this.diff;
    if (!d) return nothing;
    const edge = (e) => html`<code>${e.fromNode}${e.fromPointer || ''}</code> → <code>${e.toNode}${e.toPointer}</code>`;
    const rows = [
      ...d.nodesAdded.map((id) => ['added', 'node', html`<code>${id}</code>`]),
      ...d.nodesRemoved.map((id) => ['removed', 'node', html`<code>${id}</code>`]),
      ...d.nodesChanged.map((c) => ['changed', 'node', html`<code>${c.nodeId}</code>: ${c.changes.join('; ')}`]),
      ...d.edgesAdded.map((e) => ['added', 'edge', edge(e)]),
      ...d.edgesRemoved.map((e) => ['removed', 'edge', edge(e)]),
      ...d.inputsAdded.map((name) => ['added', 'input', html`<code>${name}</code>`]),
      ...d.inputsRemoved.map((name) => ['removed', 'input', html`<code>${name}</code>`]),
      ...d.inputsChanged.map((name) => ['changed', 'input', html`<code>${name}</code>`]),
    ];
    return html`<div class="pipeline-diff" data-testid="pipeline-diff">
      <h4>From ${this.from} to ${this.to}</h4>
      ${rows.length === 0 ? html`<p class="muted">The two versions have the same graph.</p>` : html`<table class="data">
        <thead><tr><th>Change</th><th>What</th><th>Detail</th></tr></thead>
        <tbody>${rows.map(([change, what, detail]) => html`<tr class="diff-${change}"><td><span class="badge diff-${change}">${change}</span></td><td>${what}</td><td>${detail}</td></tr>`)}</tbody>
      </table>`}
    </div>`;
  }
}

customElements.define('md-pipeline-diff', MdPipelineDiff);

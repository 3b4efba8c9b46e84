import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api, ApiError } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { can } from '../core/session.js';
import { href, navigate, replaceQuery } from '../core/router.js';
import { pipelinePath, VISIBILITIES } from '../core/pipelines.js';
import { taskSchemas } from '../core/task-schemas.js';
import { errorBanner, fieldError, loading, notice, statusBadge } from '../core/ui.js';
import '../components/md-dag.js';

const NODE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The visual pipeline builder (Admins with pipeline.edit): task nodes from the registry, connections from a
 * field of one node's output to a field of another's input (picked from the tasks' schemas), fixed parameters
 * per node, exposed inputs; the platform's validation shown on the drawing and beside each connection; save a
 * draft, publish it (pipeline.publish). Everything is done with buttons and selects; the drawing is a preview
 * whose nodes can be picked with the keyboard too. ?name=&version= opens a saved draft; without them a new pipeline.
 */
export class MdPipelineBuilderPage extends MdElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    tasks: { state: true },
    schemas: { state: true },
    settings: { state: true },
    graph: { state: true },
    saved: { state: true },
    status: { state: true },
    problems: { state: true },
    validated: { state: true },
    error: { state: true },
    message: { state: true },
    selected: { state: true },
    wiring: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.tasks = null;
    this.schemas = {};
    this.settings = { name: '', version: '1.0.0', description: '', category: '', tags: '', visibility: 'Org', cacheConfidenceThreshold: 0.9, cacheTtlSeconds: '' };
    this.graph = { nodes: [], edges: [], inputs: [] };
    this.saved = false;
    this.status = 'Draft';
    this.problems = [];
    this.validated = false;
    this.selected = '';
    this.wiring = { from: '', fromPointer: '', to: '', toPointer: '', exposeNode: '', exposePointer: '' };
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      const key = `${this.query?.get('name') ?? ''}@${this.query?.get('version') ?? ''}`;
      if (key !== this.loadedFor) { this.loadedFor = key; this.load(); }
    }
  }

  async load() {
    const name = this.query?.get('name');
    const version = this.query?.get('version');
    this.error = null;
    try {
      this.tasks ??= await publishedTasks();
      if (name && version) {
        const [pipeline, draft] = await Promise.all([api.get(pipelinePath(name), orgQuery()), api.get(pipelinePath(name, version), orgQuery())]);
        const s = pipeline.settings;
        this.settings = {
          name, version, description: s.description, category: s.category, tags: (s.tags ?? []).join(', '), visibility: s.visibility,
          cacheConfidenceThreshold: s.cacheConfidenceThreshold, cacheTtlSeconds: timeSpanSeconds(s.cacheTtl) ?? '',
        };
        this.graph = { nodes: draft.graph.nodes ?? [], edges: draft.graph.edges ?? [], inputs: draft.graph.inputs ?? [] };
        this.status = draft.status;
        this.problems = draft.problems ?? [];
        this.validated = true;
        this.saved = true;
        await Promise.all(this.graph.nodes.map((n) => this.loadSchemas(n)));
      }
    } catch (error) {
      this.error = error;
      this.tasks ??= [];
    }
  }

  async loadSchemas(node) {
    const key = `${node.taskName}@${node.taskVersion}`;
    if (this.schemas[key]) return;
    try {
      this.schemas = { ...this.schemas, [key]: await taskSchemas(node.taskName, node.taskVersion) };
    } catch {
      this.schemas = { ...this.schemas, [key]: { inputs: [], outputs: [{ pointer: '', type: 'the whole output' }], unknown: true } };
    }
  }

  schemaOf(nodeId) {
    const node = this.graph.nodes.find((n) => n.id === nodeId);
    return node ? this.schemas[`${node.taskName}@${node.taskVersion}`] : undefined;
  }

  /** Every change to the graph goes through here: earlier validation no longer holds. */
  change(graph) {
    this.graph = graph;
    this.validated = false;
  }

  setting(event) {
    const { name, value } = event.target;
    this.settings = { ...this.settings, [name]: value };
  }

  async addNode(event) {
    event.preventDefault();
    const form = event.target;
    const [taskName, taskVersion] = form.task.value.split('@');
    if (!taskName) return;
    let id = form.nodeId.value.trim() || taskName;
    if (!NODE_ID.test(id)) { this.message = ''; this.error = new Error('A node id is 1 to 64 letters, digits, ".", "_" or "-".'); return; }
    for (let i = 2; this.graph.nodes.some((n) => n.id === id); i++) id = `${form.nodeId.value.trim() || taskName}-${i}`;
    const node = { id, taskName, taskVersion, parametersJson: '{}', continueOnFailure: false };
    this.change({ ...this.graph, nodes: [...this.graph.nodes, node] });
    this.error = null;
    form.nodeId.value = '';
    this.selected = id;
    await this.loadSchemas(node);
    this.wiring = {
      ...this.wiring,
      from: this.wiring.from || (this.graph.nodes.length > 1 ? this.graph.nodes.at(-2).id : id),
      to: this.graph.nodes.length > 1 ? id : this.wiring.to,
      exposeNode: this.wiring.exposeNode || id,
    };
  }

  removeNode(id) {
    this.change({
      nodes: this.graph.nodes.filter((n) => n.id !== id),
      edges: this.graph.edges.filter((e) => e.fromNode !== id && e.toNode !== id),
      inputs: this.graph.inputs.map((i) => ({ ...i, targets: i.targets.filter((t) => t.nodeId !== id) })).filter((i) => i.targets.length),
    });
    if (this.selected === id) this.selected = '';
  }

  updateNode(id, patch) {
    this.change({ ...this.graph, nodes: this.graph.nodes.map((n) => (n.id === id ? { ...n, ...patch } : n)) });
  }

  wire(event) {
    const { name, value } = event.target;
    this.wiring = { ...this.wiring, [name]: value };
  }

  connect(event) {
    event.preventDefault();
    const { from, to } = this.wiring;
    const fromPointer = this.querySelector('[name="fromPointer"]').value;
    const toPointer = this.querySelector('[name="toPointer"]').value;
    if (!from || !to || !toPointer) return;
    this.change({ ...this.graph, edges: [...this.graph.edges, { fromNode: from, fromPointer, toNode: to, toPointer }] });
  }

  removeEdge(index) {
    this.change({ ...this.graph, edges: this.graph.edges.filter((_, i) => i !== index) });
  }

  expose(event) {
    event.preventDefault();
    const form = event.target;
    const name = form.inputName.value.trim();
    const nodeId = this.wiring.exposeNode || this.graph.nodes[0]?.id;
    const pointer = form.exposePointer.value;
    if (!name || !nodeId || !pointer) return;
    const defaultJson = form.defaultJson.value.trim() || null;
    const label = form.inputLabel.value.trim() || null;
    const existing = this.graph.inputs.find((i) => i.name === name);
    const inputs = existing
      ? this.graph.inputs.map((i) => (i === existing ? { ...i, targets: [...i.targets, { nodeId, pointer }] } : i))
      : [...this.graph.inputs, { name, targets: [{ nodeId, pointer }], label, description: null, defaultJson }];
    this.change({ ...this.graph, inputs });
    form.reset();
  }

  removeInput(index) {
    this.change({ ...this.graph, inputs: this.graph.inputs.filter((_, i) => i !== index) });
  }

  async validate() {
    this.busy = true;
    this.message = '';
    this.error = null;
    try {
      const answer = await api.post(pipelinePath(this.settings.name, undefined, 'validate'), this.graph, orgQuery());
      this.problems = answer.problems;
      this.validated = true;
      this.message = answer.valid ? 'The platform found no problem: this graph can be published.' : '';
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 404
        ? new Error('Save the draft first: the pipeline does not exist yet, and saving it lists its problems.')
        : error;
    } finally {
      this.busy = false;
    }
  }

  async save() {
    this.busy = true;
    this.message = '';
    this.error = null;
    const s = this.settings;
    const settings = {
      description: s.description, category: s.category, visibility: s.visibility,
      tags: s.tags.split(',').map((t) => t.trim()).filter(Boolean),
      cacheConfidenceThreshold: Number(s.cacheConfidenceThreshold),
      cacheTtlSeconds: s.cacheTtlSeconds === '' ? null : Number(s.cacheTtlSeconds),
    };
    try {
      let draft;
      if (this.saved) {
        await api.put(pipelinePath(s.name), settings, orgQuery());
        draft = await api.put(pipelinePath(s.name, s.version), this.graph, orgQuery());
      } else {
        await api.post('/pipelines', { name: s.name, version: s.version, ...settings, graph: this.graph }, orgQuery());
        draft = await api.get(pipelinePath(s.name, s.version), orgQuery());
        this.saved = true;
        this.loadedFor = `${s.name}@${s.version}`;
        replaceQuery({ name: s.name, version: s.version });
      }
      this.problems = draft.problems ?? [];
      this.validated = true;
      this.message = this.problems.length
        ? `Draft ${s.version} saved with ${this.problems.length} problem(s) to fix before publishing.`
        : `Draft ${s.version} saved; it has no problems and can be published.`;
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  async publish() {
    this.busy = true;
    this.error = null;
    try {
      await api.post(pipelinePath(this.settings.name, this.settings.version, 'publish'), undefined, orgQuery());
      navigate(`/pipelines/${this.settings.name}/versions/${this.settings.version}`);
    } catch (error) {
      this.error = error;
      if (error instanceof ApiError && error.fieldErrors) this.problems = Object.entries(error.fieldErrors).flatMap(([k, m]) => m.map((message) => ({ pointer: `/${k.replace(/\./g, '/')}`, message })));
    } finally {
      this.busy = false;
    }
  }

  problemsAt(prefix) {
    return this.problems.filter((p) => p.pointer === prefix || p.pointer?.startsWith(`${prefix}/`));
  }

  render() {
    if (!this.tasks) return html`<section class="page"><h1>Pipeline builder</h1>${loading()}</section>`;
    const s = this.settings;
    const readOnly = this.saved && this.status !== 'Draft';
    return html`<section class="page builder">
      <div class="page-head"><h1>${this.saved ? `Edit ${s.name} ${s.version}` : 'New pipeline'}</h1>
        ${this.saved ? html`<a href=${href(`/pipelines/${s.name}/versions/${s.version}`)}>Open the pipeline page</a>` : nothing}</div>
      ${readOnly ? html`<div class="banner info" role="status">Version ${s.version} is ${statusBadge(this.status)} and never changes: make a new version from its page.</div>` : nothing}
      ${notice(this.message)}${errorBanner(this.error, ['name', 'version'])}
      <div class="builder-grid">
        <div class="builder-forms">
          ${this.renderSettings(s)}
          ${this.renderNodes()}
          ${this.renderConnections()}
          ${this.renderInputs()}
        </div>
        <div class="builder-preview">
          <div class="card sticky">
            <h2>Graph</h2>
            <md-dag .graph=${this.graph} .problems=${this.problems} selected=${this.selected}
              @node-select=${(e) => { this.selected = e.detail.id; this.wiring = { ...this.wiring, from: e.detail.id }; }}></md-dag>
            ${this.renderProblems()}
            <div class="actions">
              <button type="button" class="secondary" @click=${this.validate} ?disabled=${this.busy || readOnly}>Validate</button>
              <button type="button" @click=${this.save} ?disabled=${this.busy || readOnly || !s.name}>Save draft</button>
              ${can('pipeline.publish') ? html`<button type="button" @click=${this.publish}
                ?disabled=${this.busy || readOnly || !this.saved || !this.validated || this.problems.length > 0}
                title=${this.saved ? '' : 'Save the draft first'}>Publish</button>` : nothing}
            </div>
          </div>
        </div>
      </div>
    </section>`;
  }

  renderSettings(s) {
    return html`<details class="card" open><summary>Settings</summary>
      <div class="form-grid" @change=${this.setting}>
        <label for="pb-name">Name</label><div><input id="pb-name" name="name" .value=${s.name} ?disabled=${this.saved} required
          pattern="[a-z0-9]([a-z0-9-]*[a-z0-9])?" @input=${this.setting} aria-describedby="pb-name-error">${fieldError(this.error, 'name', 'pb-name')}
          <div class="hint">Lower-case letters, digits and inner hyphens.</div></div>
        <label for="pb-version">Version</label><div><input id="pb-version" name="version" .value=${s.version} ?disabled=${this.saved} required
          aria-describedby="pb-version-error">${fieldError(this.error, 'version', 'pb-version')}</div>
        <label for="pb-description">Description</label><input id="pb-description" name="description" .value=${s.description}>
        <label for="pb-category">Category</label><input id="pb-category" name="category" .value=${s.category}>
        <label for="pb-tags">Tags</label><input id="pb-tags" name="tags" .value=${s.tags} placeholder="comma, separated">
        <label for="pb-visibility">Visibility</label><select id="pb-visibility" name="visibility">
          ${VISIBILITIES.map((v) => html`<option ?selected=${v === s.visibility}>${v}</option>`)}</select>
        <label for="pb-threshold">Cache confidence threshold</label><input id="pb-threshold" name="cacheConfidenceThreshold" type="number" min="0" max="1" step="0.05" .value=${String(s.cacheConfidenceThreshold)}>
        <label for="pb-ttl">Cache lifetime (seconds)</label><input id="pb-ttl" name="cacheTtlSeconds" type="number" min="1" .value=${String(s.cacheTtlSeconds)} placeholder="forever">
      </div></details>`;
  }

  renderNodes() {
    return html`<section class="card" aria-labelledby="pb-nodes-title"><h2 id="pb-nodes-title">Nodes</h2>
      <form class="inline-form" @submit=${this.addNode} aria-label="Add a node">
        <label for="pb-task">Task</label>
        <select id="pb-task" name="task" required>
          ${this.tasks.length ? nothing : html`<option value="">no published task in the registry</option>`}
          ${this.tasks.map((t) => html`<option value="${t.name}@${t.version}">${t.name} ${t.version}${t.category ? ` · ${t.category}` : ''}</option>`)}
        </select>
        <label for="pb-node-id">Node id</label><input id="pb-node-id" name="nodeId" placeholder="the task's name">
        <button type="submit" class="secondary">Add node</button>
      </form>
      ${this.graph.nodes.length ? html`<div class="table-wrap"><table class="data nodes-table" data-testid="builder-nodes"><thead><tr><th>Node</th><th>Task</th><th>Fixed parameters (JSON)</th><th>May fail alone</th><th></th></tr></thead>
        <tbody>${this.graph.nodes.map((n, index) => this.renderNodeRow(n, index))}</tbody></table></div>` : html`<p class="muted">Add a task to start.</p>`}
    </section>`;
  }

  renderNodeRow(n, index) {
    const problems = this.problemsAt(`/nodes/${index}`);
    const parseError = jsonObjectProblem(n.parametersJson);
    return html`<tr class=${this.selected === n.id ? 'selected' : ''} data-node=${n.id}>
      <td><code>${n.id}</code></td><td>${n.taskName} ${n.taskVersion}</td>
      <td><textarea class="params" aria-label="Fixed parameters of ${n.id}" .value=${n.parametersJson} rows="2"
        aria-invalid=${!!parseError || problems.length > 0} @change=${(e) => this.updateNode(n.id, { parametersJson: e.target.value.trim() || '{}' })}></textarea>
        ${parseError ? html`<div class="field-error" role="alert">${parseError}</div>` : nothing}
        ${problems.map((p) => html`<div class="field-error">${p.message}</div>`)}</td>
      <td><input type="checkbox" aria-label="${n.id} may fail alone" .checked=${!!n.continueOnFailure} @change=${(e) => this.updateNode(n.id, { continueOnFailure: e.target.checked })}></td>
      <td><button type="button" class="danger small" @click=${() => this.removeNode(n.id)} aria-label="Remove node ${n.id}">Remove</button></td></tr>`;
  }

  renderConnections() {
    const nodes = this.graph.nodes;
    const w = this.wiring;
    const outputs = this.schemaOf(w.from)?.outputs ?? [{ pointer: '', type: 'the whole output' }];
    const inputs = this.schemaOf(w.to)?.inputs ?? [];
    return html`<section class="card" aria-labelledby="pb-edges-title"><h2 id="pb-edges-title">Connections</h2>
      ${nodes.length < 2 ? html`<p class="muted">Add two nodes to connect an output of one to an input of the other.</p>` : html`
      <form class="connect-form" @submit=${this.connect} @change=${this.wire} aria-label="Connect an output to an input">
        <label for="pb-from">From node</label><select id="pb-from" name="from">${nodeOptions(nodes, w.from)}</select>
        <label for="pb-from-pointer">Output field</label><select id="pb-from-pointer" name="fromPointer">
          ${outputs.map((o) => html`<option value=${o.pointer} ?selected=${o.pointer === w.fromPointer}>${o.pointer || '(all of it)'} — ${o.type}</option>`)}</select>
        <label for="pb-to">To node</label><select id="pb-to" name="to">${nodeOptions(nodes, w.to)}</select>
        <label for="pb-to-pointer">Input field</label><select id="pb-to-pointer" name="toPointer">
          ${inputs.map((i) => html`<option value=${i.pointer} ?selected=${i.pointer === w.toPointer}>${i.pointer} — ${i.label} (${i.kind.toLowerCase()}${i.required ? ', required' : ''})</option>`)}</select>
        <div class="span"><button type="submit" class="secondary" ?disabled=${!w.from || !w.to}>Connect</button></div>
      </form>`}
      ${this.graph.edges.length ? html`<ul class="edge-list" data-testid="builder-edges">${this.graph.edges.map((e, index) => {
        const problems = this.problemsAt(`/edges/${index}`);
        const state = problems.length ? 'incompatible' : this.validated ? 'compatible' : 'unchecked';
        return html`<li class="edge ${state}"><code>${e.fromNode}${e.fromPointer || ' (all)'}</code> → <code>${e.toNode}${e.toPointer}</code>
          <span class="badge edge-${state}">${state === 'unchecked' ? 'not validated yet' : state}</span>
          <button type="button" class="danger small" @click=${() => this.removeEdge(index)} aria-label="Remove connection ${e.fromNode} to ${e.toNode}${e.toPointer}">Remove</button>
          ${problems.map((p) => html`<div class="field-error">${p.message}</div>`)}</li>`;
      })}</ul>` : nothing}
    </section>`;
  }

  renderInputs() {
    const nodes = this.graph.nodes;
    const node = this.wiring.exposeNode || nodes[0]?.id;
    const fields = this.schemaOf(node)?.inputs ?? [];
    return html`<section class="card" aria-labelledby="pb-inputs-title"><h2 id="pb-inputs-title">Inputs of a run</h2>
      ${nodes.length ? html`<form class="connect-form" @submit=${this.expose} aria-label="Expose an input">
        <label for="pb-input-name">Input name</label><input id="pb-input-name" name="inputName" required placeholder="ligand">
        <label for="pb-expose-node">Fills node</label><select id="pb-expose-node" name="exposeNode" @change=${this.wire}>${nodeOptions(nodes, node)}</select>
        <label for="pb-expose-pointer">Field</label><select id="pb-expose-pointer" name="exposePointer">
          ${fields.map((f) => html`<option value=${f.pointer}>${f.pointer} — ${f.label}${f.required ? ' (required)' : ''}</option>`)}</select>
        <label for="pb-input-label">Label</label><input id="pb-input-label" name="inputLabel">
        <label for="pb-input-default">Default (JSON)</label><input id="pb-input-default" name="defaultJson" placeholder='none: required; "text" or 8'>
        <div class="span"><button type="submit" class="secondary">Expose input</button>
          <span class="hint">An existing name gets one more target.</span></div>
      </form>` : html`<p class="muted">Add a node first.</p>`}
      ${this.graph.inputs.length ? html`<ul class="edge-list" data-testid="builder-inputs">${this.graph.inputs.map((input, index) => html`<li>
        <strong>${input.name}</strong> → ${input.targets.map((t) => html`<code>${t.nodeId}${t.pointer}</code> `)}
        ${input.defaultJson ? html`<span class="muted">default ${input.defaultJson}</span>` : html`<span class="badge">required</span>`}
        <button type="button" class="danger small" @click=${() => this.removeInput(index)} aria-label="Remove input ${input.name}">Remove</button>
        ${this.problemsAt(`/inputs/${index}`).map((p) => html`<div class="field-error">${p.message}</div>`)}</li>`)}</ul>` : nothing}
    </section>`;
  }

  renderProblems() {
    if (!this.validated) return html`<p class="muted small" data-testid="validation-state">Not validated since the last change.</p>`;
    if (!this.problems.length) return html`<p class="banner ok" data-testid="validation-state" role="status">No problems.</p>`;
    return html`<div class="banner error" data-testid="validation-state"><strong>${this.problems.length} problem(s)</strong>
      <ul>${this.problems.map((p) => html`<li><code>${p.pointer || '/'}</code> ${p.message}</li>`)}</ul></div>`;
  }
}

function nodeOptions(nodes, selected) {
  return nodes.map((n) => html`<option value=${n.id} ?selected=${n.id === selected}>${n.id} (${n.taskName})</option>`);
}

function jsonObjectProblem(text) {
  try {
    const value = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? '' : 'The fixed parameters are a JSON object, such as {"exhaustiveness": 8}.';
  } catch (error) {
    return `Not valid JSON: ${error.message}`;
  }
}

async function publishedTasks() {
  const all = [];
  let after;
  do {
    const page = await api.get('/tasks', { ...orgQuery(), status: 'Published', after, limit: 200 });
    all.push(...page.items);
    after = page.nextCursor;
  } while (after && all.length < 1000);
  return all;
}

/** "1.02:03:04" (a .NET TimeSpan) → seconds. */
function timeSpanSeconds(value) {
  if (!value) return null;
  const found = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(value);
  return found ? Number(found[1] ?? 0) * 86400 + Number(found[2]) * 3600 + Number(found[3]) * 60 + Number(found[4]) : null;
}

customElements.define('md-pipeline-builder-page', MdPipelineBuilderPage);

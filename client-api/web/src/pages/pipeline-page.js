import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api, fieldKey, request } from '../core/api.js';
import { can } from '../core/session.js';
import { href, navigate } from '../core/router.js';
import { pipelineHref, pipelinePath, pipelineQuery } from '../core/pipelines.js';
import { libraryFormat, splitLigands } from '../core/ligands.js';
import { errorBanner, formatDate, loading, notice, statusBadge } from '../core/ui.js';
import '../components/md-dag.js';
import '../components/md-schema-form.js';
import '../components/md-smiles.js';
import '../components/md-pipeline-diff.js';

const PREVIEWED_LIGANDS = 12;

/**
 * A pipeline and one of its versions: the versions with their status, a drawing of the version's graph, its
 * generated run form (a run, or a batch over a ligand library read in the browser), the explanation of the
 * input signature, and for Admins publishing, deprecating, new versions and the diff between two versions.
 * A submission opens the job's page with the cache's answer (?cache=Hit|Attached|Created&reason=…).
 */
export class MdPipelinePage extends MdElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    pipeline: { state: true },
    version: { state: true },
    form: { state: true },
    error: { state: true },
    actionError: { state: true },
    runError: { state: true },
    message: { state: true },
    signature: { state: true },
    library: { state: true },
    diff: { state: true },
    busy: { state: true },
  };

  get owner() { return this.query?.get('owner') ?? undefined; }

  get canEdit() { return !this.owner && can('pipeline.edit'); }

  get canPublish() { return !this.owner && can('pipeline.publish'); }

  willUpdate(changed) {
    // A new object only when the answer changes: the form keeps its own checks' errors until then.
    if (changed.has('runError')) this.runFieldErrors = inputErrors(this.runError);
    if (changed.has('params') || changed.has('query')) {
      const key = `${this.params?.name}@${this.params?.version ?? ''}/${this.owner ?? ''}`;
      if (key !== this.loadedFor) { this.loadedFor = key; this.load(); }
    }
  }

  async load() {
    const { name } = this.params;
    this.error = null;
    this.signature = null;
    this.diff = null;
    this.library = null;
    try {
      this.pipeline = await api.get(pipelinePath(name), pipelineQuery(this.owner));
      const versions = this.pipeline.versions;
      const chosen = this.params.version
        ?? [...versions].reverse().find((v) => v.status === 'Published')?.version
        ?? versions.at(-1)?.version;
      this.version = chosen ? await api.get(pipelinePath(name, chosen), pipelineQuery(this.owner)) : null;
      this.form = this.version?.status === 'Published' ? await api.get(pipelinePath(name, chosen, 'form'), pipelineQuery(this.owner)) : null;
    } catch (error) {
      this.error = error;
    }
  }

  async act(path, body, done) {
    this.busy = true;
    this.actionError = null;
    this.message = '';
    try {
      const answer = await request('POST', pipelinePath(this.params.name, this.version.version, path), { body, query: pipelineQuery() });
      this.message = done(answer);
      await this.load();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  publish() {
    return this.act('publish', undefined, () => `Version ${this.version.version} is published: it can be run and no longer changes.`);
  }

  deprecate(event) {
    event.preventDefault();
    const reason = event.target.reason.value.trim();
    return this.act('deprecate', { reason }, () => `Version ${this.version.version} is deprecated; new runs of it are refused.`);
  }

  async newVersion(event) {
    event.preventDefault();
    const version = event.target.newVersion.value.trim();
    await this.act('versions', { version }, (created) => `Draft ${created.version} made from ${this.version.version}.`);
    if (!this.actionError) navigate(`/pipelines/${this.params.name}/versions/${version}`);
  }

  async showDiff(event) {
    event.preventDefault();
    const to = event.target.to.value;
    this.actionError = null;
    try {
      this.diff = { from: this.version.version, to, changes: await api.get(pipelinePath(this.params.name, this.version.version, 'diff'), { ...pipelineQuery(), to }) };
    } catch (error) {
      this.actionError = error;
    }
  }

  /** The run form's inputs once the browser's checks pass (null when a field needs fixing, shown beside it). */
  inputs() {
    const form = this.querySelector('md-schema-form');
    return form.check() ? structuredClone(form.value ?? {}) : null;
  }

  async explainSignature() {
    const inputs = this.inputs();
    if (!inputs) return;
    this.runError = null;
    try {
      this.signature = await api.post(pipelinePath(this.params.name, this.version.version, 'signature'), inputs, pipelineQuery(this.owner));
    } catch (error) {
      this.runError = error;
    }
  }

  async run(event) {
    event.preventDefault();
    const inputs = this.inputs();
    if (!inputs) return;
    const options = this.runOptions();
    await this.submit('runs', { inputs, ...options });
  }

  async runBatch() {
    const values = structuredClone(this.querySelector('md-schema-form').value ?? {});
    const target = this.querySelector('[name="library-input"]').value;
    delete values[target];
    const items = this.library.ligands.map((ligand) => ({ [target]: ligand.ligand }));
    await this.submit('batches', { inputs: values, items, ...this.runOptions() });
  }

  runOptions() {
    return { priority: this.querySelector('[name="priority"]').value, refresh: this.querySelector('[name="refresh"]').checked };
  }

  async submit(kind, body) {
    this.busy = true;
    this.runError = null;
    try {
      const answer = await api.post(pipelinePath(this.params.name, this.version.version, kind), body, pipelineQuery(this.owner));
      navigate(`/jobs/${answer.job.jobId}`, { cache: answer.cache, reason: answer.reason });
    } catch (error) {
      this.runError = error;
    } finally {
      this.busy = false;
    }
  }

  async readLibrary(event) {
    const file = event.target.files?.[0];
    if (!file) { this.library = null; return; }
    try {
      const text = await file.text();
      const ligands = splitLigands(text, libraryFormat(text, file.name));
      this.library = { fileName: file.name, ligands, error: ligands.length ? '' : 'The file holds no molecule.' };
    } catch (error) {
      this.library = { fileName: file.name, ligands: [], error: error.message };
    }
  }

  render() {
    if (this.error) return html`<section class="page"><h1>${this.params.name}</h1>${errorBanner(this.error)}</section>`;
    if (!this.pipeline) return html`<section class="page"><h1>${this.params.name}</h1>${loading()}</section>`;
    const p = this.pipeline;
    const s = p.settings;
    return html`<section class="page pipeline-page">
      <div class="page-head"><h1>${p.name}</h1><a href=${href('/pipelines')}>← Catalog</a></div>
      <p>${s.description || html`<span class="muted">No description.</span>`}</p>
      <dl class="facts">
        <dt>Visibility</dt><dd>${s.visibility}</dd>
        ${s.category ? html`<dt>Category</dt><dd>${s.category}</dd>` : nothing}
        ${s.tags?.length ? html`<dt>Tags</dt><dd>${s.tags.map((t) => html`<span class="badge tag">${t}</span> `)}</dd>` : nothing}
        <dt>Cache</dt><dd>answers runs whose job's confidence is at least ${s.cacheConfidenceThreshold}${s.cacheTtl ? `, for ${s.cacheTtl}` : ''}</dd>
      </dl>
      ${notice(this.message)}${errorBanner(this.actionError)}
      <h2>Versions</h2>
      <table class="data" data-testid="pipeline-versions"><thead><tr><th>Version</th><th>Status</th><th>Nodes</th><th>Created</th><th>Published</th></tr></thead>
        <tbody>${p.versions.map((v) => {
          const target = pipelineHref(p.name, v.version, this.owner);
          const current = v.version === this.version?.version;
          return html`<tr class=${current ? 'current' : ''}><td><a href=${href(target.path, target.query)} aria-current=${current ? 'page' : 'false'}>${v.version}</a></td>
            <td>${statusBadge(v.status)}</td><td class="num">${v.nodes}</td><td>${formatDate(v.createdAt)}</td><td>${formatDate(v.publishedAt)}</td></tr>`;
        })}</tbody></table>
      ${this.version ? this.renderVersion(this.version) : nothing}
    </section>`;
  }

  renderVersion(v) {
    return html`<h2>Version ${v.version} ${statusBadge(v.status)}</h2>
      ${v.deprecationReason ? html`<div class="banner info" role="status">Deprecated: ${v.deprecationReason}</div>` : nothing}
      ${v.problems?.length ? html`<div class="banner error" data-testid="version-problems"><strong>What keeps this draft from being published</strong>
        <ul>${v.problems.map((problem) => html`<li><code>${problem.pointer || '/'}</code> ${problem.message}</li>`)}</ul></div>` : nothing}
      <md-dag .graph=${v.graph} .problems=${v.problems ?? []}></md-dag>
      ${this.canEdit || this.canPublish ? this.renderAdmin(v) : nothing}
      ${v.status === 'Published' && this.form ? this.renderRun(v) : nothing}
      ${v.status === 'Draft' ? html`<p class="muted">A draft cannot be run; publish it first.</p>` : nothing}`;
  }

  renderAdmin(v) {
    const others = this.pipeline.versions.filter((o) => o.version !== v.version);
    return html`<div class="card admin-actions" data-testid="pipeline-admin">
      <h3>Manage this version</h3>
      <div class="actions">
        ${v.status === 'Draft' && this.canEdit ? html`<a class="button-link secondary" href=${href('/pipeline-builder', { name: this.pipeline.name, version: v.version })}>Edit in the builder</a>` : nothing}
        ${v.status === 'Draft' && this.canPublish ? html`<button @click=${this.publish} ?disabled=${this.busy || v.problems?.length > 0}>Publish ${v.version}</button>` : nothing}
      </div>
      ${v.status === 'Published' && this.canPublish ? html`<form class="inline-form" @submit=${this.deprecate}>
        <label for="deprecate-reason">Deprecate with the reason</label><input id="deprecate-reason" name="reason" required placeholder="superseded by 1.1.0">
        <button class="danger" type="submit" ?disabled=${this.busy}>Deprecate</button></form>` : nothing}
      ${this.canEdit ? html`<form class="inline-form" @submit=${this.newVersion}>
        <label for="new-version">New draft version from ${v.version}</label><input id="new-version" name="newVersion" required placeholder=${bump(v.version)} .value=${bump(v.version)}>
        <button class="secondary" type="submit" ?disabled=${this.busy}>Make the draft</button></form>` : nothing}
      ${others.length ? html`<form class="inline-form" @submit=${this.showDiff}>
        <label for="diff-to">Compare ${v.version} with</label><select id="diff-to" name="to">${others.map((o) => html`<option value=${o.version}>${o.version} (${o.status.toLowerCase()})</option>`)}</select>
        <button class="secondary" type="submit">Show the differences</button></form>` : nothing}
      ${this.diff ? html`<md-pipeline-diff .from=${this.diff.from} .to=${this.diff.to} .diff=${this.diff.changes}></md-pipeline-diff>` : nothing}
    </div>`;
  }

  renderRun(v) {
    const fields = this.form.fields ?? [];
    const ligandInputs = fields.filter((f) => /ligand|smiles/i.test(f.name));
    const libraryTargets = ligandInputs.length ? ligandInputs : fields;
    return html`<div class="card run-card">
      <h3>Run ${this.pipeline.name} ${v.version}</h3>
      <form @submit=${this.run} novalidate aria-label="Run the pipeline">
        <md-schema-form .fields=${fields} .errors=${this.runFieldErrors} id-prefix="run"></md-schema-form>
        <div class="form-grid">
          <label for="run-priority">Priority</label>
          <select id="run-priority" name="priority"><option>High</option><option selected>Normal</option><option>Low</option></select>
          <label for="run-refresh">Skip the cache</label>
          <div><input id="run-refresh" name="refresh" type="checkbox"> <span class="hint">run again even when an earlier run answers</span></div>
        </div>
        ${errorBanner(this.runError, fields.flatMap((f) => [`inputs.${fieldKey(f.pointer)}`, fieldKey(f.pointer)]))}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>Run</button>
          <button type="button" class="secondary" @click=${this.explainSignature}>Explain the signature</button>
        </div>
      </form>
      ${this.signature ? this.renderSignature(this.signature) : nothing}
      <details class="batch" ?open=${!!this.library}>
        <summary>Run over a ligand library (batch)</summary>
        <p class="hint">A SMILES file (one “SMILES name” per line) or a CSV with a <code>smiles</code> column: each molecule becomes one item of a batch job,
          the other inputs above are shared.</p>
        <div class="form-grid">
          <label for="library-file">Library file</label><input id="library-file" type="file" accept=".smi,.smiles,.csv,.txt" @change=${this.readLibrary}>
          <label for="library-input">Each molecule fills</label>
          <select id="library-input" name="library-input">${libraryTargets.map((f) => html`<option value=${f.name}>${f.label || f.name}</option>`)}</select>
        </div>
        ${this.library ? this.renderLibrary(this.library) : nothing}
      </details>
    </div>`;
  }

  renderLibrary(library) {
    if (library.error) return html`<div class="banner error" role="alert">${library.fileName}: ${library.error}</div>`;
    const shown = library.ligands.slice(0, PREVIEWED_LIGANDS);
    return html`<p role="status">${library.fileName}: ${library.ligands.length} molecule(s)${library.ligands.length > shown.length ? `, the first ${shown.length} shown` : ''}.</p>
      <div class="ligand-grid" data-testid="library-preview">${shown.map((l) => html`<figure><md-smiles smiles=${l.ligand} width="150" height="110"></md-smiles>
        <figcaption>${l.name}</figcaption></figure>`)}</div>
      <button type="button" @click=${this.runBatch} ?disabled=${this.busy}>Run a batch of ${library.ligands.length}</button>`;
  }

  renderSignature(s) {
    return html`<div class="signature" data-testid="signature">
      <h4>Input signature</h4>
      <p>Runs with the same signature share one cache entry: it hashes the version's graph, each task version's definition, and the inputs
        with defaults applied (uploaded files by their content).</p>
      <dl class="facts">
        <dt>Signature</dt><dd><code>${s.signature}</code></dd>
        <dt>Pipeline graph</dt><dd><code>${s.pipelineHash}</code></dd>
        ${Object.entries(s.taskHashes ?? {}).map(([task, hash]) => html`<dt>${task}</dt><dd><code>${hash}</code></dd>`)}
        ${Object.entries(s.artifactChecksums ?? {}).map(([id, sum]) => html`<dt>artifact ${id}</dt><dd>content <code>${sum}</code></dd>`)}
      </dl>
      <details><summary>The canonical JSON that was hashed</summary><pre class="logs">${s.canonicalJson}</pre></details>
    </div>`;
  }
}

/** The API's field errors of a run ("inputs.receptor") keyed as the form's fields are ("receptor"). */
function inputErrors(error) {
  return Object.fromEntries(Object.entries(error?.fieldErrors ?? {}).map(([key, messages]) => [key.replace(/^inputs\./i, ''), messages.join(' ')]));
}

/** The next minor version: 1.2.3 → 1.3.0 (a suggestion the Admin may change). */
function bump(version) {
  const [major, minor] = version.split('.').map(Number);
  return Number.isInteger(major) && Number.isInteger(minor) ? `${major}.${minor + 1}.0` : '';
}

customElements.define('md-pipeline-page', MdPipelinePage);

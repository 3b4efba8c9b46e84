import { html, nothing } from 'lit';
import { MdPage } from '../core/md-page.js';
import { api, fieldKey } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { can } from '../core/session.js';
import { href, navigate } from '../core/router.js';
import { errorBanner, formatDate, loading, notice, statusBadge } from '../core/ui.js';
import { splitLigands } from '../core/ligands.js';
import '../components/md-schema-form.js';
import '../components/md-task-service.js';

/** Parameters are checked on the server this long after the last keystroke. */
const VALIDATE_AFTER_MS = 350;

/**
 * One task version: what it is, its form generated from the OpenAPI input schema (checked as you type by the
 * validate endpoint), a run, a batch run over a ligand file, and for task definers its life cycle and service.
 */
export class MdTaskPage extends MdPage {
  static properties = {
    task: { state: true },
    form: { state: true },
    versions: { state: true },
    fieldErrors: { state: true },
    valid: { state: true },
    showAll: { state: true },
    error: { state: true },
    runError: { state: true },
    batchError: { state: true },
    batchNote: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.fieldErrors = {};
    this.parameters = null;
  }

  get path() {
    return `/tasks/${encodeURIComponent(this.params.name)}/versions/${encodeURIComponent(this.params.version)}`;
  }

  async load() {
    this.task = null;
    this.form = null;
    this.error = null;
    this.parameters = null;
    this.fieldErrors = {};
    try {
      const [task, form, versions] = await Promise.all([
        api.get(this.path, orgQuery()),
        api.get(`${this.path}/form`, orgQuery()),
        api.get('/tasks', { ...orgQuery(), name: this.params.name, limit: 50 }),
      ]);
      this.task = task;
      this.form = form;
      this.versions = versions.items;
    } catch (error) {
      this.error = error;
    }
  }

  onParameters(event) {
    this.parameters = event.detail;
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => this.validate(), VALIDATE_AFTER_MS);
  }

  async validate() {
    const sent = this.parameters;
    try {
      const check = await api.post(`${this.path}/validate`, sent ?? {}, orgQuery());
      if (sent !== this.parameters) return;
      this.fieldErrors = Object.fromEntries(check.errors.map((e) => [fieldKey(e.pointer), e.message]));
      this.valid = check.valid;
    } catch (error) {
      this.runError = error;
    }
  }

  currentParameters() {
    return this.parameters ?? this.renderRoot.querySelector('md-schema-form')?.value ?? {};
  }

  async run(event) {
    event.preventDefault();
    this.busy = true;
    this.runError = null;
    try {
      const job = await api.post(`${this.path}/runs`, { parameters: this.currentParameters(), priority: event.target.priority.value }, orgQuery());
      navigate(`/jobs/${job.jobId}`);
    } catch (error) {
      this.runError = error;
      this.fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.join(' ')])) : {};
      this.showAll = true;
    } finally {
      this.busy = false;
    }
  }

  /** Uploads the library (the platform checks it), then runs one item per molecule over the form's other parameters. */
  async runBatch(event) {
    event.preventDefault();
    const form = event.target;
    const file = form.library.files[0];
    const field = this.form.fields.find((f) => f.name === form.varying.value);
    this.batchError = null;
    this.batchNote = '';
    if (!file || !field) {
      this.batchNote = 'Choose a ligand file and the parameter each molecule goes into.';
      return;
    }
    this.busy = true;
    try {
      const text = await file.text();
      const body = new FormData();
      body.append('file', file, file.name);
      const artifact = await api.post('/artifacts', body, orgQuery());
      const ligands = splitLigands(text, artifact.format);
      const items = ligands.map((l) => ({ [field.name]: l.ligand, ...(field.formatField ? { [field.formatField]: l.format } : {}) }));
      const shared = { ...this.currentParameters() };
      delete shared[field.name];
      if (field.formatField) delete shared[field.formatField];
      const job = await api.post(`${this.path}/batches`, { parameters: shared, items, priority: form.priority.value }, orgQuery());
      navigate(`/jobs/${job.jobId}`);
    } catch (error) {
      this.batchError = error;
    } finally {
      this.busy = false;
    }
  }

  async lifecycle(action, body) {
    this.error = null;
    try {
      this.task = await api.post(`${this.path}/${action}`, body, orgQuery());
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (!this.task) {
      return html`<section class="page"><h1>${this.params.name} ${this.params.version}</h1>${errorBanner(this.error)}${this.error ? nothing : loading()}</section>`;
    }
    const task = this.task;
    return html`<section class="page">
      <div class="actions">
        <h1>${task.name} <span class="muted">${task.version}</span></h1>
        ${statusBadge(task.status)}
        ${this.versions?.length > 1 ? html`<label class="small">Version <select aria-label="Version"
          @change=${(e) => navigate(`/tasks/${task.name}/${e.target.value}`)}>${this.versions.map((v) => html`<option ?selected=${v.version === task.version}>${v.version}</option>`)}</select></label>` : nothing}
      </div>
      <p>${task.description}</p>
      <p class="muted small">${task.category ? html`Category <strong>${task.category}</strong> · ` : nothing}
        ${task.tags.map((t) => html`<span class="badge">${t}</span> `)} operation <code>${task.operationId}</code> ·
        updated ${formatDate(task.updatedAt)}${task.deployment.deterministic ? ' · deterministic (cached)' : ''}</p>
      ${task.deprecationReason ? html`<div class="banner info">Deprecated: ${task.deprecationReason}</div>` : nothing}
      ${errorBanner(this.error)}
      ${can('task.define') ? this.renderLifecycle(task) : nothing}
      ${task.status === 'Draft' ? html`<div class="banner info">A draft cannot run yet: publish it first.</div>` : nothing}
      <div class="grid-2">
        ${this.renderRunForm()}
        ${this.renderBatchForm()}
      </div>
      ${can('task.define') ? html`<h2>Service</h2><md-task-service .path=${this.path}></md-task-service>` : nothing}
      <p class="small"><a href=${href('/jobs', { target: `${task.name}@${task.version}` })}>Jobs of this version</a></p>
    </section>`;
  }

  renderLifecycle(task) {
    return html`<div class="actions card">
      ${task.status === 'Draft' ? html`<button @click=${() => this.lifecycle('publish')}>Publish</button>` : nothing}
      ${task.status === 'Published' ? html`<button class="danger" @click=${() => {
        const reason = prompt('Why is this version deprecated?');
        if (reason !== null) this.lifecycle('deprecate', { reason });
      }}>Deprecate</button>` : nothing}
      <span class="muted small">Published versions are immutable; a change is a new version.</span>
    </div>`;
  }

  renderRunForm() {
    const hasErrors = Object.keys(this.fieldErrors).length > 0;
    return html`<form class="card" @submit=${this.run} novalidate aria-labelledby="run-heading">
      <h2 id="run-heading" class="first">Run</h2>
      ${this.form?.description ? html`<p class="muted small">${this.form.description}</p>` : nothing}
      <md-schema-form .fields=${this.form.fields} .errors=${this.fieldErrors} ?show-all=${this.showAll}
        @md-change=${this.onParameters}></md-schema-form>
      <label for="run-priority">Priority</label>
      <select id="run-priority" name="priority">${['Normal', 'High', 'Low'].map((p) => html`<option>${p}</option>`)}</select>
      ${errorBanner(this.runError, Object.keys(this.fieldErrors))}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Run task</button>
        <span class="small ${hasErrors ? 'muted' : ''}" role="status" data-testid="validation-state">${this.valid === undefined ? ''
          : this.valid ? '✓ parameters are valid' : `${Object.keys(this.fieldErrors).length} field(s) to fix`}</span>
      </div>
    </form>`;
  }

  renderBatchForm() {
    const candidates = this.form.fields.filter((f) => f.kind === 'File' || f.kind === 'Text');
    const preferred = candidates.find((f) => /ligand|molecule|smiles/i.test(f.name)) ?? candidates[0];
    return html`<form class="card" @submit=${this.runBatch} novalidate aria-labelledby="batch-heading">
      <h2 id="batch-heading" class="first">Batch run over a ligand file</h2>
      <p class="muted small">One run per molecule of a SMILES (.smi), CSV (smiles column) or SDF file; the other parameters come from the form.</p>
      <label for="batch-library">Ligand file</label>
      <input id="batch-library" name="library" type="file" accept=".smi,.smiles,.txt,.csv,.sdf,.mol">
      <label for="batch-varying">Each molecule goes into</label>
      <select id="batch-varying" name="varying">${candidates.map((f) => html`<option value=${f.name} ?selected=${f === preferred}>${f.label}</option>`)}</select>
      <label for="batch-priority">Priority</label>
      <select id="batch-priority" name="priority">${['Normal', 'High', 'Low'].map((p) => html`<option>${p}</option>`)}</select>
      ${notice(this.batchNote)}${errorBanner(this.batchError)}
      <div><button type="submit" ?disabled=${this.busy || !candidates.length}>Run batch</button></div>
    </form>`;
  }
}

customElements.define('md-task-page', MdTaskPage);

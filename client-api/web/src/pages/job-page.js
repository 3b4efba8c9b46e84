import { html, nothing } from 'lit';
import { MdPage, appendPage } from '../core/md-page.js';
import { api } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { FINAL_STATUSES, followJob, liveAvailable } from '../core/live.js';
import { errorBanner, formatDate, loading, notice, statusBadge } from '../core/ui.js';
import { elapsed, formatConfidence, progressBar, progressText, shortId } from '../core/format-job.js';
import '../components/md-artifact-link.js';

/** Without the live hub (Root follows jobs of any org through the REST API) the page reads the job this often. */
const POLL_MS = 2000;
const EVENTS_PAGE = 200;

/**
 * One job, live: status, progress of nodes and batch items, each node's state, the timeline as it happens,
 * the log, the results (scores, confidence) with their files, and the 3D view of docking poses.
 */
export class MdJobPage extends MdPage {
  static properties = {
    job: { state: true },
    events: { state: true },
    results: { state: true },
    logs: { state: true },
    live: { state: true },
    error: { state: true },
    actionError: { state: true },
  };

  constructor() {
    super();
    this.events = [];
    this.results = null;
    this.logs = null;
  }

  disconnectedCallback() {
    this.stop();
    super.disconnectedCallback();
  }

  stop() {
    this.stopLive?.();
    this.stopLive = null;
    clearTimeout(this.pollTimer);
  }

  get jobId() {
    return this.params.id;
  }

  async load() {
    this.stop();
    this.job = null;
    this.events = [];
    this.results = null;
    this.logs = null;
    this.error = null;
    try {
      // The timeline so far; live events continue it (the hub's snapshot tells which are already here).
      await this.loadEvents();
      if (liveAvailable()) {
        this.stopLive = followJob(this.jobId, {
          onSnapshot: (job) => this.onJob(job),
          onEvent: (event) => this.onEvent(event),
          onState: (connected) => { this.live = connected; },
          onError: (error) => { this.error = error; this.poll(); },
        });
      } else {
        await this.poll();
      }
    } catch (error) {
      this.error = error;
    }
  }

  async loadEvents() {
    let after = this.events.at(-1)?.seq ?? 0;
    for (;;) {
      const page = await api.get(`/jobs/${this.jobId}/events`, { ...orgQuery(), afterSeq: after, limit: EVENTS_PAGE });
      this.events = [...this.events, ...page.items.filter((e) => e.seq > after)];
      if (page.nextAfterSeq === null || page.nextAfterSeq === undefined || !page.items.length) break;
      after = page.nextAfterSeq;
    }
  }

  async poll() {
    clearTimeout(this.pollTimer);
    try {
      this.onJob(await api.get(`/jobs/${this.jobId}`, orgQuery()));
      await this.loadEvents();
    } catch (error) {
      this.error = error;
      return;
    }
    if (!FINAL_STATUSES.has(this.job.status)) this.pollTimer = setTimeout(() => this.poll(), POLL_MS);
  }

  onJob(job) {
    const finishedNow = FINAL_STATUSES.has(job.status) && !FINAL_STATUSES.has(this.job?.status);
    this.job = job;
    // Events between the page's read and the snapshot come with neither: read them once more.
    if ((this.events.at(-1)?.seq ?? 0) < job.lastEventSeq) this.loadEvents().catch(() => {});
    if (finishedNow || (this.results === null && job.progress.succeeded + job.progress.failed > 0)) this.loadResults();
  }

  onEvent(event) {
    if (this.events.some((e) => e.seq === event.seq)) return;
    this.events = [...this.events, event];
    const nodes = event.nodeId && event.nodeStatus
      ? this.job.nodes.map((node) => (node.id === event.nodeId ? { ...node, status: event.nodeStatus, ...nodeTimes(event) } : node))
      : this.job.nodes;
    const finished = FINAL_STATUSES.has(event.jobStatus);
    this.job = {
      ...this.job,
      status: event.jobStatus,
      progress: event.progress,
      nodes,
      lastEventSeq: event.seq,
      startedAt: this.job.startedAt ?? (event.kind === 'started' ? event.at : null),
      finishedAt: finished ? event.at : this.job.finishedAt,
    };
    if (finished) {
      // The final view has the error, confidence and logs location the events do not carry.
      api.get(`/jobs/${this.jobId}`, orgQuery()).then((job) => { this.job = job; }).catch(() => {});
      this.loadResults();
      if (this.logs !== null) this.loadLogs();
    } else if (event.kind === 'node-succeeded' || event.kind === 'node-failed') {
      clearTimeout(this.resultsTimer);
      this.resultsTimer = setTimeout(() => this.loadResults(), 1000);
    }
  }

  async loadResults(after) {
    try {
      const page = await api.get(`/jobs/${this.jobId}/results`, { ...orgQuery(), after, limit: 50 });
      this.results = appendPage(this.results, page, after);
    } catch (error) {
      this.error = error;
    }
  }

  async loadLogs() {
    try {
      this.logs = await api.get(`/jobs/${this.jobId}/logs`, orgQuery());
    } catch (error) {
      this.logs = `(${error.message})`;
    }
  }

  async cancel() {
    this.actionError = null;
    try {
      this.job = await api.post(`/jobs/${this.jobId}/cancel`, undefined, orgQuery());
    } catch (error) {
      this.actionError = error;
    }
  }

  render() {
    if (!this.job) {
      return html`<section class="page"><h1>Job <code>${shortId(this.jobId)}</code></h1>${errorBanner(this.error)}${this.error ? nothing : loading()}</section>`;
    }
    const job = this.job;
    return html`<section class="page">
      <div class="actions">
        <h1>${job.kind} <code>${job.target}</code></h1>
        <span data-testid="job-status">${statusBadge(job.status)}</span>
        ${liveAvailable() ? html`<span class="live-indicator ${this.live ? 'on' : 'off'}">${this.live ? 'live' : 'reconnecting…'}</span>`
          : html`<span class="live-indicator off">refreshing every ${POLL_MS / 1000} s</span>`}
        ${FINAL_STATUSES.has(job.status) ? nothing : html`<button class="danger" @click=${this.cancel}>Cancel job</button>`}
      </div>
      ${notice(cacheNotice(this.query))}
      ${errorBanner(this.error)}${errorBanner(this.actionError)}
      ${job.error ? html`<div class="banner ${job.status === 'Failed' ? 'error' : 'info'}" role="status">${job.error}</div>` : nothing}
      <div class="grid-2">
        <div class="card">
          <dl class="facts">
            <dt>Job id</dt><dd><code>${job.jobId}</code></dd>
            <dt>Priority</dt><dd>${job.priority}</dd>
            <dt>Created</dt><dd>${formatDate(job.createdAt)}</dd>
            <dt>Started</dt><dd>${formatDate(job.startedAt)}</dd>
            <dt>Finished</dt><dd>${formatDate(job.finishedAt)}</dd>
            <dt>Run time</dt><dd>${elapsed(job.startedAt, job.finishedAt)}</dd>
            <dt>Confidence</dt><dd>${formatConfidence(job.confidence)}</dd>
          </dl>
        </div>
        <div class="card">
          <h2 class="first">Progress</h2>
          ${progressBar(job.progress)}
          <p data-testid="job-progress">${progressText(job.progress)}</p>
          ${job.progress.items ? html`<p class="muted small">nodes: ${progressText({ ...job.progress, items: null })}</p>` : nothing}
        </div>
      </div>
      ${this.renderNodes(job)}
      ${this.renderResults()}
      <div class="grid-2">
        <div><h2>Timeline</h2>${this.renderTimeline()}</div>
        <div><h2>Log</h2>
          <details @toggle=${(e) => { if (e.target.open && this.logs === null) this.loadLogs(); }}>
            <summary>Show the job's log</summary>
            ${this.logs === null ? loading() : html`<pre class="logs" data-testid="job-logs">${this.logs}</pre>`}
          </details>
        </div>
      </div>
    </section>`;
  }

  renderNodes(job) {
    return html`<h2>Nodes</h2><div class="table-wrap"><table class="data" data-testid="job-nodes">
      <thead><tr><th>Node</th><th>Task</th><th>Status</th><th>Attempts</th><th>Instance</th><th>Queued</th><th>Run time</th><th>Error</th></tr></thead>
      <tbody>${job.nodes.map((node) => html`<tr data-node-id=${node.id}>
        <td><code>${node.id}</code></td><td>${node.taskName}@${node.taskVersion}</td><td>${statusBadge(node.status)}</td>
        <td class="num">${node.attempts}</td><td>${node.instance ?? ''}</td><td>${formatDate(node.queuedAt)}</td>
        <td>${elapsed(node.startedAt, node.finishedAt)}</td><td>${node.error ?? ''}</td></tr>`)}</tbody></table></div>`;
  }

  renderTimeline() {
    if (!this.events.length) return html`<p class="muted">No events yet.</p>`;
    return html`<ol class="timeline" data-testid="job-timeline">${this.events.map((event) => html`<li data-kind=${event.kind}>
      <span class="muted small">${formatDate(event.at)}</span> <strong>${event.kind}</strong>
      ${event.nodeId ? html`<code>${event.nodeId}</code>` : nothing} ${event.message}</li>`)}</ol>`;
  }

  renderResults() {
    if (!this.results) return nothing;
    if (!this.results.items.length) return html`<h2>Results</h2><p class="muted">No node has finished yet.</p>`;
    return html`<h2>Results</h2><div class="table-wrap"><table class="data" data-testid="job-results">
      <thead><tr><th>Node</th><th>Status</th><th>Confidence</th><th>Scores</th><th>Files</th><th>Output</th></tr></thead>
      <tbody>${this.results.items.map((result) => this.renderResult(result))}</tbody></table></div>
      ${this.results.nextCursor ? html`<button class="secondary" @click=${() => this.loadResults(this.results.nextCursor)}>More results</button>` : nothing}
      ${this.renderPosesLink()}`;
  }

  renderResult(result) {
    return html`<tr data-node-id=${result.nodeId}>
      <td><code>${result.nodeId}</code><div class="muted small">${result.taskName}@${result.taskVersion}</div></td>
      <td>${statusBadge(result.status)}${result.error ? html`<div class="field-error">${result.error}</div>` : nothing}</td>
      <td class="num">${formatConfidence(result.confidence)}</td>
      <td>${renderScores(result.output)}</td>
      <td>${(result.artifacts ?? []).map((artifact) => html`<div><md-artifact-link artifact-id=${artifact.artifactId}
        label=${artifact.fileName}></md-artifact-link> <span class="muted small">${artifact.format} · ${artifact.pointer}</span></div>`)}</td>
      <td>${result.output ? html`<details><summary>JSON</summary><pre class="logs">${JSON.stringify(result.output, null, 2)}</pre></details>` : nothing}</td>
    </tr>`;
  }

  /** A link to the 3D view (pages/job-poses-page.js) once a result holds docking poses. */
  renderPosesLink() {
    const docked = this.results.items.some((r) => r.output?.results?.some?.((ligand) => ligand.poses?.length));
    return docked
      ? html`<p><a class="button-link" href="#/jobs/${this.jobId}/poses" data-testid="open-poses">Open the docking poses in 3D</a></p>`
      : nothing;
  }
}

/** What a pipeline submission's answer said about the cache, passed along in the address (?cache=Hit&reason=…). */
function cacheNotice(query) {
  const outcome = query?.get('cache');
  if (!outcome) return '';
  const said = { Hit: 'Answered from the cache', Attached: 'Following a running job with the same inputs', Created: 'A new job was started' }[outcome] ?? outcome;
  const reason = query.get('reason');
  return reason ? `${said}: ${reason}` : `${said}.`;
}

function nodeTimes(event) {
  switch (event.kind) {
    case 'queued': return { queuedAt: event.at };
    case 'started': return { startedAt: event.at };
    case 'node-succeeded': case 'node-failed': case 'node-skipped': return { finishedAt: event.at };
    default: return {};
  }
}

const SCORE_FIELDS = ['bestAffinity', 'affinity', 'score', 'poseConfidence', 'status'];

/**
 * The numbers worth a column: per-ligand scores when the output lists results (docking: best affinity in
 * kcal/mol and pose confidence per ligand), otherwise the output's top-level numbers and short texts.
 */
function renderScores(output) {
  if (!output || typeof output !== 'object') return nothing;
  if (Array.isArray(output.results) && output.results.length && typeof output.results[0] === 'object') {
    return html`<table class="compact"><tbody>${output.results.map((row, i) => html`<tr>
      <td>${row.id ?? `#${i + 1}`}</td>${SCORE_FIELDS.filter((f) => row[f] !== undefined && row[f] !== null)
        .map((f) => html`<td><span class="muted small">${f}</span> ${formatValue(row[f])}</td>`)}</tr>`)}</tbody></table>`;
  }
  const scalars = Object.entries(output).filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && v.length <= 60));
  return html`${scalars.slice(0, 6).map(([k, v]) => html`<div><span class="muted small">${k}</span> ${formatValue(v)}</div>`)}`;
}

const formatValue = (value) => (typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value));

customElements.define('md-job-page', MdJobPage);

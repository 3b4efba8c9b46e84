import { html, nothing } from 'lit';
import { MdPage, STALE } from '../core/md-page.js';
import { api } from '../core/api.js';
import { actingOrgId, orgQuery } from '../core/org.js';
import { caller } from '../core/session.js';
import { followOrg, liveAvailable } from '../core/live.js';
import { href, replaceQuery } from '../core/router.js';
import { chooseOrgHint, dayStart, errorBanner, formatDate, loading, statusBadge } from '../core/ui.js';
import { elapsed, progressText, shortId } from '../core/format-job.js';

const STATUSES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Cancelled'];
const KINDS = ['Task', 'Batch', 'Pipeline'];
const PAGE_SIZE = 25;

/**
 * The org's jobs: filters (status, kind, task or pipeline, submitter, creation dates) and sort kept in the address
 * so a filtered list can be shared, keyset pages, and rows whose status follows the live feed.
 */
export class MdJobsPage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
    cursors: { state: true },
  };

  constructor() {
    super();
    /** Cursors of the pages before this one (the first page's is null), for "Previous". */
    this.cursors = [];
  }

  connectedCallback() {
    super.connectedCallback();
    if (liveAvailable()) this.stopLive = followOrg((event) => this.applyEvent(event));
  }

  disconnectedCallback() {
    this.stopLive?.();
    super.disconnectedCallback();
  }

  filters() {
    const q = this.query;
    // Dates are the person's own days: from the start of "from" to the end of "to", in local time.
    return {
      status: q.get('status') || undefined,
      kind: q.get('kind') || undefined,
      target: q.get('target') || undefined,
      submittedBy: q.get('mine') ? caller()?.userId : undefined,
      createdFrom: dayStart(q.get('from')),
      createdBefore: dayStart(q.get('to'), 1),
      sort: q.get('sort') || 'NewestFirst',
    };
  }

  async load(after = null) {
    if (!actingOrgId()) return;
    try {
      const page = await this.latest(api.get('/jobs', { ...orgQuery(), ...this.filters(), after: after ?? undefined, limit: PAGE_SIZE }));
      if (page === STALE) return;
      this.page = page;
      this.error = null;
    } catch (error) {
      this.error = error;
      this.page = { items: [], nextCursor: null };
    }
  }

  /** Filters changed: back to the first page. */
  willUpdate(changed) {
    if (changed.has('query')) {
      this.cursors = [];
      this.currentCursor = null;
    }
    super.willUpdate(changed);
  }

  next() {
    this.cursors = [...this.cursors, this.currentCursor ?? null];
    this.currentCursor = this.page.nextCursor;
    this.load(this.currentCursor);
  }

  previous() {
    const cursors = [...this.cursors];
    this.currentCursor = cursors.pop() ?? null;
    this.cursors = cursors;
    this.load(this.currentCursor);
  }

  applyEvent(event) {
    if (!this.page) return;
    const row = this.page.items.find((job) => job.jobId === event.jobId);
    if (row) {
      Object.assign(row, { status: event.jobStatus, progress: event.progress });
      if (event.kind === 'started') row.startedAt = event.at;
      if (['succeeded', 'failed', 'cancelled'].includes(event.kind)) row.finishedAt = event.at;
      this.requestUpdate();
    } else if (event.kind === 'created' && !this.cursors.length && (this.query.get('sort') ?? 'NewestFirst') === 'NewestFirst') {
      // A new job belongs at the top of the newest-first first page, if it passes the filters: the server decides.
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.load(), 500);
    }
  }

  setFilter(name, value) {
    const next = Object.fromEntries(this.query.entries());
    next[name] = value;
    replaceQuery(next);
  }

  render() {
    if (!actingOrgId()) return html`<section class="page"><h1>Jobs</h1>${chooseOrgHint()}</section>`;
    const q = this.query;
    const input = (name) => (event) => this.setFilter(name, event.target.type === 'checkbox' ? (event.target.checked ? '1' : '') : event.target.value);
    return html`<section class="page">
      <h1>Jobs</h1>
      <form class="toolbar" role="search" aria-label="Filter jobs" @submit=${(e) => e.preventDefault()}>
        <label>Status<select name="status" @change=${input('status')}>
          <option value="">Any</option>${STATUSES.map((s) => html`<option ?selected=${q.get('status') === s}>${s}</option>`)}</select></label>
        <label>Kind<select name="kind" @change=${input('kind')}>
          <option value="">Any</option>${KINDS.map((k) => html`<option ?selected=${q.get('kind') === k}>${k}</option>`)}</select></label>
        <label>Task or pipeline<input name="target" type="search" placeholder="dock or dock@1.0.0" .value=${q.get('target') ?? ''}
          @change=${input('target')}></label>
        <label>Created from<input name="from" type="date" .value=${q.get('from') ?? ''} @change=${input('from')}></label>
        <label>Created to<input name="to" type="date" .value=${q.get('to') ?? ''} @change=${input('to')}></label>
        <label>Sort<select name="sort" @change=${input('sort')}>
          <option value="NewestFirst" ?selected=${q.get('sort') !== 'OldestFirst'}>Newest first</option>
          <option value="OldestFirst" ?selected=${q.get('sort') === 'OldestFirst'}>Oldest first</option></select></label>
        <label class="inline"><span>Mine only</span><input name="mine" type="checkbox" .checked=${!!q.get('mine')} @change=${input('mine')}></label>
      </form>
      ${errorBanner(this.error)}
      ${this.page ? this.renderTable() : loading()}
    </section>`;
  }

  renderTable() {
    if (!this.page.items.length) {
      return html`<p class="muted" data-testid="jobs-empty">No jobs match. Run a task from the <a href="#/tasks">task library</a>.</p>`;
    }
    return html`<div class="table-wrap"><table class="data" data-testid="jobs-table">
      <thead><tr><th>Job</th><th>Task or pipeline</th><th>Kind</th><th>Status</th><th>Progress</th><th>Created</th><th>Run time</th></tr></thead>
      <tbody>${this.page.items.map((job) => html`<tr data-job-id=${job.jobId}>
        <td><a href=${href(`/jobs/${job.jobId}`)}><code>${shortId(job.jobId)}</code></a></td>
        <td>${job.target}</td><td>${job.kind}</td><td>${statusBadge(job.status)}</td>
        <td>${progressText(job.progress)}</td><td>${formatDate(job.createdAt)}</td><td>${elapsed(job.startedAt, job.finishedAt)}</td>
      </tr>`)}</tbody></table></div>
      <div class="pager">
        <button class="secondary" ?disabled=${!this.cursors.length} @click=${this.previous}>Previous</button>
        <button class="secondary" ?disabled=${!this.page.nextCursor} @click=${this.next}>Next</button>
        ${this.page.nextCursor || this.cursors.length ? html`<span class="muted">page ${this.cursors.length + 1}</span>` : nothing}
      </div>`;
  }
}

customElements.define('md-jobs-page', MdJobsPage);

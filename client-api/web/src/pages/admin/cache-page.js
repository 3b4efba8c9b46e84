import { html, nothing } from 'lit';
import { MdPage, STALE, appendPage } from '../../core/md-page.js';
import { api } from '../../core/api.js';
import { actingOrgId, orgQuery } from '../../core/org.js';
import { href, replaceQuery } from '../../core/router.js';
import { chooseOrgHint, errorBanner, formatDate, loading, notice, statusBadge } from '../../core/ui.js';
import { formatConfidence, shortId } from '../../core/format-job.js';

/**
 * The result cache (cache.manage): entries with their hit count, confidence and lifetime; pin or unpin, set the
 * time to live, invalidate one, or every entry of a pipeline (version).
 */
export class MdCachePage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
    message: { state: true },
  };

  async load(after) {
    if (!actingOrgId()) return;
    const q = this.query;
    try {
      const page = await this.latest(api.get('/cache', {
        ...orgQuery(), pipeline: q.get('pipeline'), version: q.get('version'), status: q.get('status'),
        pinned: q.get('pinned') || undefined, after, limit: 50,
      }));
      if (page === STALE) return;
      this.page = appendPage(this.page, page, after);
      this.error = null;
    } catch (error) {
      this.error = error;
      this.page = { items: [], nextCursor: null };
    }
  }

  entryPath = (entry, action) => `/cache/${entry.signature}/${action}`;

  setTtl(entry) {
    const hours = prompt('Keep reusable for how many hours after its job finished? (empty: until invalidated)', '');
    if (hours === null) return;
    const ttlSeconds = hours.trim() === '' ? null : Math.round(Number(hours) * 3600);
    this.act(api.put(this.entryPath(entry, 'ttl'), { ttlSeconds }, orgQuery()), 'Lifetime set.');
  }

  invalidateAll() {
    const pipeline = this.query.get('pipeline') || undefined;
    const version = this.query.get('version') || undefined;
    if (!confirm(pipeline ? `Invalidate every entry of ${pipeline}${version ? `@${version}` : ''}?` : 'Invalidate every cache entry of the organization?')) return;
    this.act(api.post('/cache/invalidate', { pipeline, version }, orgQuery()), (answer) => `${answer.invalidated} entries invalidated.`);
  }

  render() {
    if (!actingOrgId()) return html`<section class="page"><h1>Result cache</h1>${chooseOrgHint()}</section>`;
    const q = this.query;
    const set = (name) => (e) => replaceQuery({ ...Object.fromEntries(this.query.entries()), [name]: e.target.value });
    return html`<section class="page">
      <h1>Result cache</h1>
      <form class="toolbar" role="search" aria-label="Filter cache entries" @submit=${(e) => e.preventDefault()}>
        <label>Pipeline<input name="pipeline" .value=${q.get('pipeline') ?? ''} @change=${set('pipeline')}></label>
        <label>Version<input name="version" .value=${q.get('version') ?? ''} @change=${set('version')}></label>
        <label>Status<select name="status" @change=${set('status')}><option value="">Any</option>
          ${['Running', 'Completed', 'Failed', 'Invalidated'].map((s) => html`<option ?selected=${q.get('status') === s}>${s}</option>`)}</select></label>
        <label>Pinned<select name="pinned" @change=${set('pinned')}><option value="">Any</option>
          <option value="true" ?selected=${q.get('pinned') === 'true'}>Pinned</option><option value="false" ?selected=${q.get('pinned') === 'false'}>Not pinned</option></select></label>
        <button type="button" class="danger" @click=${this.invalidateAll}>Invalidate all shown</button>
      </form>
      ${notice(this.message)}${errorBanner(this.error)}
      ${this.page ? this.renderTable() : loading()}
    </section>`;
  }

  renderTable() {
    if (!this.page.items.length) return html`<p class="muted">No cache entry matches. Entries appear when a pipeline runs.</p>`;
    return html`<div class="table-wrap"><table class="data" data-testid="cache-table">
      <thead><tr><th>Pipeline</th><th>Status</th><th>Hits</th><th>Confidence</th><th>Job</th><th>Last used</th><th>Expires</th><th>Actions</th></tr></thead>
      <tbody>${this.page.items.map((entry) => html`<tr>
        <td>${entry.pipelineName}@${entry.pipelineVersion}<div class="muted small"><code title=${entry.signature}>${entry.signature.slice(0, 12)}…</code></div></td>
        <td>${statusBadge(entry.status)}${entry.pinned ? html` <span class="badge">pinned</span>` : nothing}</td>
        <td class="num">${entry.hitCount}</td><td class="num">${formatConfidence(entry.confidenceScore)}</td>
        <td><a href=${href(`/jobs/${entry.canonicalJobId}`)}><code>${shortId(entry.canonicalJobId)}</code></a></td>
        <td>${formatDate(entry.lastUsedAt)}</td>
        <td>${entry.pinned ? 'never (pinned)' : entry.expiresAt ? formatDate(entry.expiresAt) : entry.ttl ? `ttl ${entry.ttl}` : 'until invalidated'}</td>
        <td class="actions">
          <button class="secondary small" @click=${() => this.act(api.put(this.entryPath(entry, 'pin'), { pinned: !entry.pinned }, orgQuery()), entry.pinned ? 'Unpinned.' : 'Pinned.')}>${entry.pinned ? 'Unpin' : 'Pin'}</button>
          <button class="secondary small" @click=${() => this.setTtl(entry)}>Lifetime</button>
          <button class="danger small" @click=${() => this.act(api.post(this.entryPath(entry, 'invalidate'), undefined, orgQuery()), 'Invalidated.')}>Invalidate</button>
        </td></tr>`)}</tbody></table></div>
      ${this.page.nextCursor ? html`<button class="secondary" @click=${() => this.load(this.page.nextCursor)}>Load more</button>` : nothing}`;
  }
}

customElements.define('md-cache-page', MdCachePage);

import { html, nothing } from 'lit';
import { MdPage, STALE, appendPage } from '../../core/md-page.js';
import { api, buildUrl } from '../../core/api.js';
import { actingOrgId } from '../../core/org.js';
import { isRoot } from '../../core/session.js';
import { replaceQuery } from '../../core/router.js';
import { dayStart, errorBanner, formatDate, loading, statusBadge } from '../../core/ui.js';

const FILTERS = ['action', 'target', 'actorId', 'from', 'to'];

/**
 * The audit log (audit.read), newest first: filters kept in the address, pages, and the same filters exported as
 * CSV or JSON (plain links: the browser's access cookie signs them in). Root reads every org's, or the chosen org's.
 */
export class MdAuditPage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
  };

  filters() {
    const q = this.query;
    return {
      orgId: isRoot() ? actingOrgId() ?? undefined : undefined,
      action: q.get('action') || undefined,
      target: q.get('target') || undefined,
      actorId: q.get('actorId') || undefined,
      from: dayStart(q.get('from')),
      to: dayStart(q.get('to'), 1),
    };
  }

  async load(after) {
    try {
      const page = await this.latest(api.get('/audit', { ...this.filters(), after, limit: 100 }));
      if (page === STALE) return;
      this.page = appendPage(this.page, page, after);
      this.error = null;
    } catch (error) {
      this.error = error;
      this.page = { items: [], nextCursor: null };
    }
  }

  render() {
    const q = this.query;
    const set = (name) => (e) => replaceQuery({ ...Object.fromEntries(this.query.entries()), [name]: e.target.value });
    const label = { action: 'Action', target: 'Target', actorId: 'Actor id', from: 'From', to: 'To' };
    return html`<section class="page">
      <h1>Audit log</h1>
      <form class="toolbar" role="search" aria-label="Filter the audit log" @submit=${(e) => e.preventDefault()}>
        ${FILTERS.map((name) => html`<label>${label[name]}<input name=${name} type=${name === 'from' || name === 'to' ? 'date' : 'search'}
          placeholder=${name === 'action' ? 'user.invite' : ''} .value=${q.get(name) ?? ''} @change=${set(name)}></label>`)}
        <span class="actions">Export
          <a href=${buildUrl('/audit/export.csv', this.filters())} download="audit.csv">CSV</a>
          <a href=${buildUrl('/audit/export.json', this.filters())} download="audit.json">JSON</a></span>
      </form>
      ${isRoot() ? html`<p class="muted small">${actingOrgId() ? 'The chosen organization only.' : 'Every organization (choose one in the switcher to narrow).'}</p>` : nothing}
      ${errorBanner(this.error)}
      ${this.page ? this.renderTable() : loading()}
    </section>`;
  }

  renderTable() {
    if (!this.page.items.length) return html`<p class="muted">No entry matches.</p>`;
    return html`<div class="table-wrap"><table class="data" data-testid="audit-table">
      <thead><tr><th>When</th><th>Actor</th><th>Action</th><th>Target</th><th>Outcome</th><th>From</th><th>Details</th></tr></thead>
      <tbody>${this.page.items.map((entry) => html`<tr>
        <td>${formatDate(entry.occurredAt)}</td><td>${entry.actorEmail ?? entry.actorId ?? 'platform'}</td>
        <td><code>${entry.action}</code></td><td class="small">${entry.target ?? ''}</td><td>${statusBadge(entry.outcome)}</td>
        <td class="small">${entry.clientAddress ?? ''}</td>
        <td class="small">${entry.detailsJson && entry.detailsJson !== '{}' ? html`<code>${entry.detailsJson}</code>` : ''}</td></tr>`)}</tbody></table></div>
      ${this.page.nextCursor ? html`<button class="secondary" @click=${() => this.load(this.page.nextCursor)}>Load more</button>` : nothing}`;
  }
}

customElements.define('md-audit-page', MdAuditPage);

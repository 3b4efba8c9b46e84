import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { can } from '../core/session.js';
import { href, replaceQuery } from '../core/router.js';
import { pipelineHref, VISIBILITIES } from '../core/pipelines.js';
import { errorBanner, formatDate, loading } from '../core/ui.js';

const SORTS = {
  name: { label: 'Name', compare: (a, b) => a.name.localeCompare(b.name) },
  'last-run': { label: 'Last run', compare: (a, b) => (Date.parse(b.lastRunAt ?? 0) || 0) - (Date.parse(a.lastRunAt ?? 0) || 0) },
  runs: { label: 'Most runs', compare: (a, b) => b.runs - a.runs },
  updated: { label: 'Recently updated', compare: (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) },
};

/**
 * The pipeline catalog: the org's published pipelines and every org's public ones, filtered by category, tag,
 * visibility and text (in the page's query, so a filtered catalog can be linked), sorted, a page at a time.
 */
export class MdPipelinesPage extends MdElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    items: { state: true },
    nextCursor: { state: true },
    error: { state: true },
    loadingMore: { state: true },
  };

  constructor() {
    super();
    this.items = null;
    this.nextCursor = null;
  }

  get filters() {
    const q = this.query ?? new URLSearchParams();
    return { category: q.get('category') ?? '', tag: q.get('tag') ?? '', visibility: q.get('visibility') ?? '', q: q.get('q') ?? '', sort: q.get('sort') ?? 'name' };
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      const key = JSON.stringify({ ...this.filters, sort: undefined });
      if (key !== this.loadedFor) { this.loadedFor = key; this.load(); }
    }
  }

  async load(after) {
    const { category, tag, visibility, q } = this.filters;
    this.loadingMore = !!after;
    try {
      const page = await api.get('/pipelines', { ...orgQuery(), category, tag, visibility, q, after, limit: 24 });
      this.items = after ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.error = null;
    } catch (error) {
      this.error = error;
      this.items ??= [];
    } finally {
      this.loadingMore = false;
    }
  }

  filter(event) {
    event.preventDefault();
    const form = event.target.form ?? event.target;
    replaceQuery({
      category: form.category.value.trim(), tag: form.tag.value.trim(), visibility: form.visibility.value, q: form.q.value.trim(), sort: form.sort.value,
    });
  }

  render() {
    const f = this.filters;
    const sorted = this.items ? [...this.items].sort(SORTS[f.sort]?.compare ?? SORTS.name.compare) : null;
    return html`<section class="page">
      <div class="page-head"><h1>Pipelines</h1>
        ${can('pipeline.edit') ? html`<a class="button-link" href=${href('/pipeline-builder')}>New pipeline</a>` : nothing}</div>
      <form class="toolbar" role="search" aria-label="Filter pipelines" @submit=${this.filter} @change=${this.filter}>
        <label>Search<input name="q" type="search" .value=${f.q} placeholder="name or description"></label>
        <label>Category<input name="category" .value=${f.category}></label>
        <label>Tag<input name="tag" .value=${f.tag}></label>
        <label>Visibility<select name="visibility">
          <option value="">any</option>
          ${VISIBILITIES.map((v) => html`<option value=${v} ?selected=${v === f.visibility}>${v}</option>`)}
        </select></label>
        <label>Sort by<select name="sort">
          ${Object.entries(SORTS).map(([key, s]) => html`<option value=${key} ?selected=${key === f.sort}>${s.label}</option>`)}
        </select></label>
        <button type="submit" class="secondary">Filter</button>
      </form>
      ${errorBanner(this.error)}
      ${sorted === null ? loading() : sorted.length === 0
        ? html`<p class="muted" data-testid="pipelines-empty">No published pipeline matches. ${can('pipeline.edit') ? 'Build one with “New pipeline”.' : ''}</p>`
        : html`<div class="pipeline-cards" data-testid="pipeline-catalog">${sorted.map((p) => this.renderEntry(p))}</div>`}
      ${this.nextCursor ? html`<div class="pager"><button class="secondary" ?disabled=${this.loadingMore} @click=${() => this.load(this.nextCursor)}>Load more</button></div>` : nothing}
    </section>`;
  }

  renderEntry(p) {
    const target = pipelineHref(p.name, undefined, p.orgId);
    return html`<article class="card pipeline-card" data-pipeline=${p.name}>
      <header><h2><a href=${href(target.path, target.query)}>${p.name}</a></h2>
        <span class="badge">${p.visibility}</span>${target.query.owner ? html` <span class="badge" title="Owned by org ${p.orgId}">other org</span>` : nothing}</header>
      <p>${p.description || html`<span class="muted">No description.</span>`}</p>
      <dl class="facts">
        <dt>Latest</dt><dd>${p.latestVersion}${p.publishedVersions.length > 1 ? html` <span class="muted">(${p.publishedVersions.length} published)</span>` : nothing}</dd>
        ${p.category ? html`<dt>Category</dt><dd>${p.category}</dd>` : nothing}
        ${p.tags.length ? html`<dt>Tags</dt><dd>${p.tags.map((t) => html`<span class="badge tag">${t}</span> `)}</dd>` : nothing}
        <dt>Inputs</dt><dd>${p.inputs.length ? p.inputs.map((i) => html`<code>${i}</code> `) : html`<span class="muted">none</span>`}</dd>
        <dt>Tasks</dt><dd>${p.tasks.map((t) => html`<code>${t}</code> `)}</dd>
        <dt>Runs</dt><dd data-testid="pipeline-runs">${p.runs} (${p.cacheHits} from the cache)${p.lastRunAt ? html`, last ${formatDate(p.lastRunAt)}` : nothing}</dd>
      </dl>
    </article>`;
  }
}

customElements.define('md-pipelines-page', MdPipelinesPage);

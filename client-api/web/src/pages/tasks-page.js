import { html, nothing } from 'lit';
import { MdPage, STALE, appendPage } from '../core/md-page.js';
import { api } from '../core/api.js';
import { actingOrgId, orgQuery } from '../core/org.js';
import { can } from '../core/session.js';
import { href, navigate, replaceQuery } from '../core/router.js';
import { chooseOrgHint, errorBanner, fieldError, formatDate, loading, statusBadge } from '../core/ui.js';

const PAGE_SIZE = 30;

/**
 * The task library: search by text, category, tag and status; members see what they may run; those who define
 * tasks (task.define) register a new one from a running service's OpenAPI document.
 */
export class MdTasksPage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
    registerError: { state: true },
    busy: { state: true },
  };

  async load(after) {
    if (!actingOrgId()) return;
    const q = this.query;
    try {
      const page = await this.latest(api.get('/tasks', {
        ...orgQuery(), q: q.get('q'), category: q.get('category'), tag: q.get('tag'), status: q.get('status'), after, limit: PAGE_SIZE,
      }));
      if (page === STALE) return;
      this.page = appendPage(this.page, page, after);
      this.error = null;
    } catch (error) {
      this.error = error;
      this.page = { items: [], nextCursor: null };
    }
  }

  setFilter(name, value) {
    replaceQuery({ ...Object.fromEntries(this.query.entries()), [name]: value });
  }

  async register(event) {
    event.preventDefault();
    const form = event.target;
    const tags = form.tags.value.split(',').map((t) => t.trim()).filter(Boolean);
    this.busy = true;
    this.registerError = null;
    try {
      const task = await api.post('/tasks/import', {
        url: form.url.value.trim(), name: form.name.value.trim(), version: form.version.value.trim(),
        description: form.description.value.trim() || undefined, category: form.category.value.trim() || undefined,
        tags, operationId: form.operationId.value.trim() || undefined,
        deployment: { image: form.image.value.trim(), deterministic: form.deterministic.checked },
      }, orgQuery());
      navigate(`/tasks/${task.name}/${task.version}`);
    } catch (error) {
      this.registerError = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!actingOrgId()) return html`<section class="page"><h1>Task library</h1>${chooseOrgHint()}</section>`;
    const q = this.query;
    const filter = (name) => (e) => this.setFilter(name, e.target.value);
    return html`<section class="page">
      <h1>Task library</h1>
      ${can('task.define') ? this.renderRegister() : nothing}
      <form class="toolbar" role="search" aria-label="Search tasks" @submit=${(e) => e.preventDefault()}>
        <label>Search<input name="q" type="search" placeholder="name, description" .value=${q.get('q') ?? ''} @change=${filter('q')}></label>
        <label>Category<input name="category" .value=${q.get('category') ?? ''} @change=${filter('category')}></label>
        <label>Tag<input name="tag" .value=${q.get('tag') ?? ''} @change=${filter('tag')}></label>
        <label>Status<select name="status" @change=${filter('status')}>
          <option value="">Any</option>
          ${['Draft', 'Published', 'Deprecated'].map((s) => html`<option ?selected=${q.get('status') === s}>${s}</option>`)}</select></label>
      </form>
      ${errorBanner(this.error)}
      ${this.page ? this.renderList() : loading()}
    </section>`;
  }

  renderList() {
    if (!this.page.items.length) return html`<p class="muted">No task matches.</p>`;
    return html`<div class="table-wrap"><table class="data" data-testid="tasks-table">
      <thead><tr><th>Task</th><th>Version</th><th>Status</th><th>Category</th><th>Tags</th><th>Description</th><th>Updated</th></tr></thead>
      <tbody>${this.page.items.map((task) => html`<tr>
        <td><a href=${href(`/tasks/${task.name}/${task.version}`)}>${task.name}</a></td><td>${task.version}</td>
        <td>${statusBadge(task.status)}</td><td>${task.category}</td><td>${task.tags.map((t) => html`<span class="badge">${t}</span> `)}</td>
        <td>${task.description}</td><td>${formatDate(task.updatedAt)}</td></tr>`)}</tbody></table></div>
      ${this.page.nextCursor ? html`<button class="secondary" @click=${() => this.load(this.page.nextCursor)}>Load more</button>` : nothing}`;
  }

  renderRegister() {
    const e = this.registerError;
    const row = (name, label, input, hint) => html`<label for="task-${name}">${label}</label>
      <div>${input}${hint ? html`<div class="hint">${hint}</div>` : nothing}${fieldError(e, name, `task-${name}`)}${name === 'image' ? fieldError(e, 'deployment.image', 'task-image') : nothing}</div>`;
    return html`<details class="card">
      <summary>Register a task from its service</summary>
      <form class="form-grid" @submit=${this.register} novalidate aria-label="Register a task">
        ${row('url', 'OpenAPI document URL', html`<input id="task-url" name="url" type="url" required placeholder="http://127.0.0.1:5090/openapi.json">`,
          "The running service's OpenAPI 3.0 document; the platform fetches it.")}
        ${row('name', 'Name', html`<input id="task-name" name="name" required pattern="[a-z0-9-]+" placeholder="dock">`, 'Lower-case letters, digits and hyphens.')}
        ${row('version', 'Version', html`<input id="task-version" name="version" required placeholder="1.0.0">`)}
        ${row('image', 'Container image', html`<input id="task-image" name="image" required placeholder="registry.example.com/docking:1.2.0"
          aria-describedby="task-image-error">`, 'What the platform deploys; instances may also be registered by address below.')}
        ${row('operationId', 'Operation', html`<input id="task-operationId" name="operationId" placeholder="(the one marked x-moldash-task)">`)}
        ${row('category', 'Category', html`<input id="task-category" name="category" placeholder="docking">`)}
        ${row('tags', 'Tags', html`<input id="task-tags" name="tags" placeholder="vina, ligand">`, 'Separated by commas.')}
        ${row('description', 'Description', html`<input id="task-description" name="description">`)}
        <label for="task-deterministic">Deterministic</label>
        <div><input id="task-deterministic" name="deterministic" type="checkbox"> <span class="hint">Same input and seed give the same result (results may be cached).</span></div>
        <div class="span">${errorBanner(e, ['url', 'name', 'version', 'image', 'deployment.image', 'operationId', 'category', 'tags', 'description'])}
          <button type="submit" ?disabled=${this.busy}>Register task</button></div>
      </form>
    </details>`;
  }
}

customElements.define('md-tasks-page', MdTasksPage);

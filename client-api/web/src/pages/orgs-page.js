import { html, nothing } from 'lit';
import { MdPage, appendPage } from '../core/md-page.js';
import { api } from '../core/api.js';
import { href } from '../core/router.js';
import { errorBanner, fieldError, formatDate, loading, statusBadge } from '../core/ui.js';

/**
 * Root's organizations: the list with provisioning status, and creating an org with its first Admin, whose
 * initial password is shown here once.
 */
export class MdOrgsPage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
    createError: { state: true },
    created: { state: true },
    busy: { state: true },
  };

  async load(after) {
    try {
      const page = await api.get('/orgs', { after, limit: 50 });
      this.page = appendPage(this.page, page, after);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const email = form.adminEmail.value.trim();
    const body = { name: form.name.value, admin: email ? { email, displayName: form.adminName.value.trim() || null } : undefined };
    this.busy = true;
    this.createError = null;
    try {
      this.created = await api.post('/orgs', body);
      form.reset();
      await this.load();
      // The org switcher lists the new org too.
      window.dispatchEvent(new CustomEvent('md-orgs-changed'));
    } catch (error) {
      this.createError = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    // The created org's banner is outside the form's fold, which closes once the platform has an org: its initial password is shown only now.
    return html`<section class="page">
      <h1>Organizations</h1>
      <details class="card" ?open=${this.page !== undefined && !this.page.items.length}>
        <summary>Create an organization</summary>
        <form class="form-grid" @submit=${this.create} novalidate>
          <label for="org-name">Name</label>
          <div><input id="org-name" name="name" required aria-describedby="org-name-error">${fieldError(this.createError, 'name', 'org-name')}</div>
          <label for="org-admin-email">First Admin's email</label>
          <div><input id="org-admin-email" name="adminEmail" type="email" aria-describedby="org-admin-email-error">
            ${fieldError(this.createError, 'admin.email', 'org-admin-email')}</div>
          <label for="org-admin-name">First Admin's name</label>
          <div><input id="org-admin-name" name="adminName"></div>
          <div class="span">${errorBanner(this.createError, ['name', 'admin.email'])}
            <button type="submit" ?disabled=${this.busy}>Create organization</button></div>
        </form>
      </details>
      ${this.created ? this.renderCreated(this.created) : nothing}
      ${errorBanner(this.error)}
      ${this.page ? this.renderTable() : loading()}
    </section>`;
  }

  renderCreated(org) {
    const admin = org.initialAdmin;
    return html`<div class="banner ok" role="status" data-testid="org-created">
      <p>Created <strong>${org.name}</strong> (${statusBadge(org.status)}).</p>
      ${admin?.initialPassword ? html`<p>Initial password for <code>${admin.email}</code>: <code class="secret" data-testid="initial-password">${admin.initialPassword}</code>
        — shown only now; hand it to the Admin, who should change it.</p>` : nothing}
      ${admin && !admin.accountCreated ? html`<p><code>${admin.email}</code> already had an account and joins as Admin with its password.</p>` : nothing}
    </div>`;
  }

  renderTable() {
    return html`<table class="data" data-testid="orgs-table">
      <thead><tr><th>Name</th><th>Status</th><th>Created</th></tr></thead>
      <tbody>${this.page.items.map((org) => html`<tr>
        <td><a href=${href(`/orgs/${org.id}`)}>${org.name}</a></td><td>${statusBadge(org.status)}</td><td>${formatDate(org.createdAt)}</td></tr>`)}
      </tbody></table>
      ${this.page.nextCursor ? html`<button class="secondary" @click=${() => this.load(this.page.nextCursor)}>Load more</button>` : nothing}`;
  }
}

customElements.define('md-orgs-page', MdOrgsPage);

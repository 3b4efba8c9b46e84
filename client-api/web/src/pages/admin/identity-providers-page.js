import { html, nothing } from 'lit';
import { MdPage } from '../../core/md-page.js';
import { api } from '../../core/api.js';
import { errorBanner, fieldError, formatDate, loading, notice, statusBadge } from '../../core/ui.js';

/**
 * OpenID Connect providers (Root): add one (authority, client id and secret, allowed email domains, default org
 * and role), enable or disable, delete. Client secrets go in and never come back.
 */
export class MdIdentityProvidersPage extends MdPage {
  static properties = {
    providers: { state: true },
    error: { state: true },
    createError: { state: true },
    message: { state: true },
  };

  async load() {
    try {
      this.providers = await api.get('/identity-providers');
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    this.createError = null;
    try {
      await api.post('/identity-providers', {
        name: form.name.value.trim(), displayName: form.displayName.value.trim(), authority: form.authority.value.trim(),
        clientId: form.clientId.value.trim(), clientSecret: form.clientSecret.value,
        allowedDomains: form.allowedDomains.value.split(',').map((d) => d.trim()).filter(Boolean),
        defaultOrgId: form.defaultOrgId.value.trim() || undefined, defaultRole: form.defaultRole.value || undefined,
      });
      form.reset();
      this.message = 'Provider added; it applies to the next sign-in.';
      await this.load();
    } catch (error) {
      this.createError = error;
    }
  }

  async setEnabled(provider, enabled) {
    try {
      await api.put(`/identity-providers/${provider.name}`, { ...provider, enabled });
      await this.load();
    } catch (error) {
      this.error = error;
    }
  }

  async remove(provider) {
    if (!confirm(`Delete ${provider.name} and every identity linked through it?`)) return;
    try {
      await api.delete(`/identity-providers/${provider.name}`);
      await this.load();
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    const e = this.createError;
    const row = (name, label, input, hint) => html`<label for="idp-${name}">${label}</label>
      <div>${input}${hint ? html`<div class="hint">${hint}</div>` : nothing}${fieldError(e, name, `idp-${name}`)}</div>`;
    return html`<section class="page">
      <h1>Identity providers</h1>
      <details class="card">
        <summary>Add an OpenID Connect provider</summary>
        <form class="form-grid" @submit=${this.create} novalidate aria-label="Add an OpenID Connect provider">
          ${row('name', 'Name', html`<input id="idp-name" name="name" required placeholder="entra">`, 'In URLs: /api/v1/auth/external/{name}/login')}
          ${row('displayName', 'Display name', html`<input id="idp-displayName" name="displayName" placeholder="Acme Microsoft account">`)}
          ${row('authority', 'Authority', html`<input id="idp-authority" name="authority" type="url" required placeholder="https://login.microsoftonline.com/<tenant>/v2.0">`)}
          ${row('clientId', 'Client id', html`<input id="idp-clientId" name="clientId" required>`)}
          ${row('clientSecret', 'Client secret', html`<input id="idp-clientSecret" name="clientSecret" type="password" required autocomplete="off">`, 'Stored encrypted; never shown again.')}
          ${row('allowedDomains', 'Allowed email domains', html`<input id="idp-allowedDomains" name="allowedDomains" placeholder="acme.test">`, 'Separated by commas.')}
          ${row('defaultOrgId', 'Default org id', html`<input id="idp-defaultOrgId" name="defaultOrgId">`)}
          ${row('defaultRole', 'Default role', html`<select id="idp-defaultRole" name="defaultRole"><option value="">none</option><option>standard</option><option>admin</option></select>`)}
          <div class="span">${errorBanner(e, ['name', 'displayName', 'authority', 'clientId', 'clientSecret', 'allowedDomains', 'defaultOrgId', 'defaultRole'])}
            <button type="submit">Add provider</button></div>
        </form>
      </details>
      ${notice(this.message)}${errorBanner(this.error)}
      ${!this.providers ? loading() : this.providers.length ? html`<div class="table-wrap"><table class="data" data-testid="providers-table">
        <thead><tr><th>Name</th><th>Authority</th><th>Client id</th><th>Domains</th><th>Default</th><th>Status</th><th>Updated</th><th></th></tr></thead>
        <tbody>${this.providers.map((p) => html`<tr>
          <td>${p.displayName || p.name}<div class="muted small"><code>${p.name}</code></div></td><td class="small">${p.authority}</td>
          <td class="small">${p.clientId}</td><td>${p.allowedDomains.join(', ')}</td>
          <td class="small">${p.defaultOrgId ? html`<code>${p.defaultOrgId}</code> ${p.defaultRole ?? ''}` : ''}</td>
          <td>${statusBadge(p.enabled ? 'Active' : 'Disabled')}</td><td>${formatDate(p.updatedAt)}</td>
          <td class="actions"><button class="secondary small" @click=${() => this.setEnabled(p, !p.enabled)}>${p.enabled ? 'Disable' : 'Enable'}</button>
            <button class="danger small" @click=${() => this.remove(p)}>Delete</button></td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">No provider: everyone signs in with a password.</p>`}
    </section>`;
  }
}

customElements.define('md-identity-providers-page', MdIdentityProvidersPage);

import { html, nothing } from 'lit';
import { MdPage, appendPage } from '../../core/md-page.js';
import { api } from '../../core/api.js';
import { actingOrgId } from '../../core/org.js';
import { chooseOrgHint, errorBanner, fieldError, formatDate, loading, statusBadge } from '../../core/ui.js';
import { href } from '../../core/router.js';

/**
 * The org's users (user.manage): add one (with a password, or a generated one shown once), change roles and
 * granted or withheld permissions, disable or enable, and issue a password reset token.
 */
export class MdUsersPage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
    addError: { state: true },
    message: { state: true },
    editing: { state: true },
  };

  get base() {
    return `/orgs/${actingOrgId()}/users`;
  }

  async load(after) {
    if (!actingOrgId()) return;
    try {
      const page = await api.get(this.base, { after, limit: 100 });
      this.page = appendPage(this.page, page, after);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    this.addError = null;
    try {
      const created = await api.post(this.base, {
        email: form.email.value.trim(), displayName: form.displayName.value.trim() || undefined,
        password: form.password.value || undefined, roles: [form.role.value],
      });
      this.message = created.initialPassword
        ? html`Added <code>${created.user.email}</code>. Initial password (shown only now): <code class="secret">${created.initialPassword}</code>`
        : html`Added <code>${created.user.email}</code>.`;
      form.reset();
      await this.load();
    } catch (error) {
      this.addError = error;
    }
  }

  setRole(user, role) {
    this.act(api.put(`${this.base}/${user.userId}/roles`, { roles: [role] }), `${user.email} is now ${role}.`);
  }

  setDisabled(user, disabled) {
    this.act(api.post(`${this.base}/${user.userId}/${disabled ? 'disable' : 'enable'}`), `${user.email} is ${disabled ? 'disabled' : 'enabled'}.`);
  }

  resetPassword(user) {
    this.act(api.post(`${this.base}/${user.userId}/password-reset`), (ticket) => {
      const link = `${location.origin}/#/password-reset?token=${encodeURIComponent(ticket.token)}`;
      return html`Password reset for <code>${user.email}</code> (single use, until ${formatDate(ticket.expiresAt)}):
        <a href=${link} class="secret" data-testid="reset-link">${link}</a>`;
    });
  }

  async savePermissions(event, user) {
    event.preventDefault();
    const list = (text) => text.split(',').map((p) => p.trim()).filter(Boolean);
    const form = event.target;
    if (await this.act(api.put(`${this.base}/${user.userId}/permissions`, { grant: list(form.grant.value), withhold: list(form.withhold.value) }),
      `Permissions of ${user.email} saved; their sessions ended.`)) this.editing = null;
  }

  render() {
    if (!actingOrgId()) return html`<section class="page"><h1>Users</h1>${chooseOrgHint()}</section>`;
    return html`<section class="page">
      <h1>Users</h1>
      <p class="small"><a href=${href('/admin/invitations')}>Invite someone by email instead</a></p>
      <details class="card">
        <summary>Add a user</summary>
        <form class="form-grid" @submit=${this.add} novalidate>
          <label for="user-email">Email</label><div><input id="user-email" name="email" type="email" required>${fieldError(this.addError, 'email', 'user-email')}</div>
          <label for="user-name">Name</label><div><input id="user-name" name="displayName"></div>
          <label for="user-role">Role</label><div><select id="user-role" name="role"><option value="standard">Standard</option><option value="admin">Admin</option></select></div>
          <label for="user-password">Password</label><div><input id="user-password" name="password" type="password" autocomplete="new-password">
            <div class="hint">Leave empty to generate one, shown once.</div>${fieldError(this.addError, 'password', 'user-password')}</div>
          <div class="span">${errorBanner(this.addError, ['email', 'password'])}<button type="submit">Add user</button></div>
        </form>
      </details>
      ${this.message ? html`<div class="banner ok" role="status">${this.message}</div>` : nothing}
      ${errorBanner(this.error)}
      ${this.page ? this.renderTable() : loading()}
    </section>`;
  }

  renderTable() {
    return html`<div class="table-wrap"><table class="data" data-testid="users-table">
      <thead><tr><th>User</th><th>Role</th><th>Status</th><th>Effective permissions</th><th>Joined</th><th>Actions</th></tr></thead>
      <tbody>${this.page.items.map((user) => html`<tr data-email=${user.email}>
        <td>${user.displayName || user.email}<div class="muted small">${user.email}</div></td>
        <td><select aria-label="Role of ${user.email}" @change=${(e) => this.setRole(user, e.target.value)}>
          ${['standard', 'admin'].map((r) => html`<option value=${r} ?selected=${user.roles.includes(r)}>${r}</option>`)}</select></td>
        <td>${statusBadge(user.disabled ? 'Disabled' : 'Active')}</td>
        <td class="small">${user.permissions.effective.join(', ')}
          ${this.editing === user.userId ? this.renderPermissionForm(user) : nothing}</td>
        <td>${formatDate(user.joinedAt)}</td>
        <td class="actions">
          <button class="secondary small" @click=${() => { this.editing = this.editing === user.userId ? null : user.userId; }}>Permissions</button>
          <button class="secondary small" @click=${() => this.setDisabled(user, !user.disabled)}>${user.disabled ? 'Enable' : 'Disable'}</button>
          <button class="secondary small" @click=${() => this.resetPassword(user)}>Reset password</button>
        </td></tr>`)}</tbody></table></div>
      ${this.page.nextCursor ? html`<button class="secondary" @click=${() => this.load(this.page.nextCursor)}>Load more</button>` : nothing}`;
  }

  renderPermissionForm(user) {
    return html`<form class="card" @submit=${(e) => this.savePermissions(e, user)}>
      <label>Granted beyond the role <input name="grant" .value=${user.permissions.granted.join(', ')} placeholder="audit.read, task.execute:dock"></label>
      <label>Withheld from the role <input name="withhold" .value=${user.permissions.withheld.join(', ')} placeholder="task.execute"></label>
      <div class="hint">Role defaults: ${user.permissions.defaults.join(', ')}</div>
      <div><button type="submit" class="small">Save permissions</button></div>
    </form>`;
  }
}

customElements.define('md-users-page', MdUsersPage);

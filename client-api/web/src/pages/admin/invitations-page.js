import { html, nothing } from 'lit';
import { MdPage } from '../../core/md-page.js';
import { api } from '../../core/api.js';
import { actingOrgId } from '../../core/org.js';
import { chooseOrgHint, errorBanner, fieldError, formatDate, loading, statusBadge } from '../../core/ui.js';

/**
 * Invitations (user.manage): invite an email with a role and extra or withheld permissions; the answer's token
 * is shown once as the link to hand over (#/invitations/accept?token=…); pending ones can be revoked.
 */
export class MdInvitationsPage extends MdPage {
  static properties = {
    page: { state: true },
    error: { state: true },
    inviteError: { state: true },
    created: { state: true },
  };

  get base() {
    return `/orgs/${actingOrgId()}/invitations`;
  }

  async load() {
    if (!actingOrgId()) return;
    try {
      this.page = await api.get(this.base, { limit: 100 });
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async invite(event) {
    event.preventDefault();
    const form = event.target;
    const list = (text) => text.split(',').map((p) => p.trim()).filter(Boolean);
    this.inviteError = null;
    try {
      this.created = await api.post(this.base, {
        email: form.email.value.trim(), displayName: form.displayName.value.trim() || undefined, roles: [form.role.value],
        grant: list(form.grant.value), withhold: list(form.withhold.value),
      });
      form.reset();
      await this.load();
    } catch (error) {
      this.inviteError = error;
    }
  }

  async revoke(invitation) {
    try {
      await api.post(`${this.base}/${invitation.id}/revoke`);
      await this.load();
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (!actingOrgId()) return html`<section class="page"><h1>Invitations</h1>${chooseOrgHint()}</section>`;
    const e = this.inviteError;
    return html`<section class="page">
      <h1>Invitations</h1>
      <form class="card form-grid" @submit=${this.invite} novalidate aria-label="Invite a user">
        <label for="invite-email">Email</label><div><input id="invite-email" name="email" type="email" required
          aria-invalid=${!!e?.fieldError?.('email')} aria-describedby="invite-email-error">${fieldError(e, 'email', 'invite-email')}</div>
        <label for="invite-name">Name</label><div><input id="invite-name" name="displayName"></div>
        <label for="invite-role">Role</label><div><select id="invite-role" name="role"><option value="standard">Standard</option><option value="admin">Admin</option></select></div>
        <label for="invite-grant">Also grant</label><div><input id="invite-grant" name="grant" placeholder="audit.read">${fieldError(e, 'grant', 'invite-grant')}</div>
        <label for="invite-withhold">Withhold</label><div><input id="invite-withhold" name="withhold" placeholder="task.execute">${fieldError(e, 'withhold', 'invite-withhold')}</div>
        <div class="span">${errorBanner(e, ['email', 'grant', 'withhold'])}<button type="submit">Invite</button></div>
      </form>
      ${this.created ? this.renderCreated(this.created) : nothing}
      ${errorBanner(this.error)}
      <h2>Pending</h2>
      ${this.page ? this.renderTable() : loading()}
    </section>`;
  }

  renderCreated({ invitation, token }) {
    const link = `${location.origin}/#/invitations/accept?token=${encodeURIComponent(token)}`;
    return html`<div class="banner ok" role="status" data-testid="invitation-created">
      Invited <code>${invitation.email}</code> until ${formatDate(invitation.expiresAt)}. Send them this link — it is shown only now:
      <div><a href=${link} class="secret" data-testid="invitation-link">${link}</a></div></div>`;
  }

  renderTable() {
    if (!this.page.items.length) return html`<p class="muted">No pending invitation.</p>`;
    return html`<div class="table-wrap"><table class="data" data-testid="invitations-table">
      <thead><tr><th>Email</th><th>Roles</th><th>Granted / withheld</th><th>Status</th><th>Expires</th><th></th></tr></thead>
      <tbody>${this.page.items.map((i) => html`<tr>
        <td>${i.displayName ? html`${i.displayName}<div class="muted small">${i.email}</div>` : i.email}</td><td>${i.roles.join(', ')}</td>
        <td class="small">${i.grant.join(', ')}${i.withhold.length ? html` / −${i.withhold.join(', ')}` : nothing}</td>
        <td>${statusBadge(i.status)}</td><td>${formatDate(i.expiresAt)}</td>
        <td><button class="danger small" @click=${() => this.revoke(i)}>Revoke</button></td></tr>`)}</tbody></table></div>`;
  }
}

customElements.define('md-invitations-page', MdInvitationsPage);

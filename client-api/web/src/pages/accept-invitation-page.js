import { html } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { signIn } from '../core/session.js';
import { navigate } from '../core/router.js';
import { errorBanner, fieldError } from '../core/ui.js';

/**
 * Accepting an invitation (#/invitations/accept?token=…): a new email sets its password, an existing account
 * gives its current one; either way the person is signed in to the org (POST /auth/invitations/accept).
 */
export class MdAcceptInvitationPage extends MdElement {
  static properties = {
    query: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  submit(event) {
    return this.submitting(event, async (form) => {
      const body = { token: form.token.value, password: form.password.value, displayName: form.displayName.value || undefined };
      signIn(await api.post('/auth/invitations/accept', body));
      navigate('/');
    });
  }

  render() {
    const field = (name, label, input) => html`
      <label for="invite-${name}">${label}</label>${input}${fieldError(this.error, name, `invite-${name}`)}`;
    return html`<section class="card narrow">
      <h1>Accept your invitation</h1>
      <p class="muted">New to MolDash? Choose a password. Already have an account? Enter its current password.</p>
      <form @submit=${this.submit} novalidate>
        ${field('token', 'Invitation token', html`<input id="invite-token" name="token" required .value=${this.query?.get('token') ?? ''}
          aria-describedby="invite-token-error">`)}
        ${field('displayName', 'Your name (optional)', html`<input id="invite-displayName" name="displayName" autocomplete="name">`)}
        ${field('password', 'Password', html`<input id="invite-password" name="password" type="password" autocomplete="new-password" required
          aria-describedby="invite-password-error">`)}
        ${errorBanner(this.error, ['token', 'displayName', 'password'])}
        <button type="submit" ?disabled=${this.busy}>Accept and sign in</button>
      </form>
    </section>`;
  }
}

customElements.define('md-accept-invitation-page', MdAcceptInvitationPage);

import { html } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { href } from '../core/router.js';
import { errorBanner, fieldError } from '../core/ui.js';

/** Setting a new password with the single-use token an Admin issued (#/password-reset?token=…, POST /auth/password-reset). */
export class MdPasswordResetPage extends MdElement {
  static properties = {
    query: { attribute: false },
    error: { state: true },
    busy: { state: true },
    done: { state: true },
  };

  submit(event) {
    return this.submitting(event, async (form) => {
      await api.post('/auth/password-reset', { token: form.token.value, newPassword: form.newPassword.value });
      this.done = true;
    });
  }

  render() {
    return html`<section class="card narrow">
      <h1>Choose a new password</h1>
      ${this.done ? html`<div class="banner ok" role="status">Your password is set; every earlier session has ended. <a href=${href('/login')}>Sign in</a></div>` : html`
        <form @submit=${this.submit} novalidate>
          <label for="reset-token">Reset token</label>
          <input id="reset-token" name="token" required .value=${this.query?.get('token') ?? ''}>${fieldError(this.error, 'token', 'reset-token')}
          <label for="reset-password">New password</label>
          <input id="reset-password" name="newPassword" type="password" autocomplete="new-password" required aria-describedby="reset-password-error">
          ${fieldError(this.error, 'newPassword', 'reset-password')}
          ${errorBanner(this.error, ['token', 'newPassword'])}
          <button type="submit" ?disabled=${this.busy}>Set password</button>
        </form>`}
    </section>`;
  }
}

customElements.define('md-password-reset-page', MdPasswordResetPage);

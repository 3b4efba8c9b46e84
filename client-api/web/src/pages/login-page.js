import { html } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { signIn } from '../core/session.js';
import { errorBanner, fieldError } from '../core/ui.js';

/** Email and password sign-in (POST /auth/login); the shell then opens the page that asked for it. */
export class MdLoginPage extends MdElement {
  static properties = {
    query: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  submit(event) {
    return this.submitting(event, async (form) =>
      signIn(await api.post('/auth/login', { email: form.email.value, password: form.password.value })));
  }

  render() {
    return html`<section class="card narrow login">
      <h1>MolDash</h1>
      <p class="muted">Sign in to the dashboard.</p>
      <form @submit=${this.submit} novalidate>
        <label for="login-email">Email</label>
        <input id="login-email" name="email" type="email" autocomplete="username" required autofocus
          aria-describedby="login-email-error" aria-invalid=${!!this.error?.fieldError?.('email')}>
        ${fieldError(this.error, 'email', 'login-email')}
        <label for="login-password">Password</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required
          aria-describedby="login-password-error" aria-invalid=${!!this.error?.fieldError?.('password')}>
        ${fieldError(this.error, 'password', 'login-password')}
        ${errorBanner(this.error, ['email', 'password'])}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p class="muted small">Invited? Open the link from your invitation. API reference: <a href="/docs">/docs</a>.</p>
    </section>`;
  }
}

customElements.define('md-login-page', MdLoginPage);

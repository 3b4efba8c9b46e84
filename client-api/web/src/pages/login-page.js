import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api, buildUrl } from '../core/api.js';
import { signIn } from '../core/session.js';
import { errorBanner, fieldError } from '../core/ui.js';

/**
 * Sign-in: email and password (POST /auth/login), or a link per identity provider Root configured. A provider
 * sends the browser back to the dashboard, whose tokens (or the reason it was refused) this page then fetches
 * once (POST /auth/external/result): they travel in a short-lived cookie, never in the URL. Either way the shell
 * then opens the page that asked for the sign-in.
 */
export class MdLoginPage extends MdElement {
  static properties = {
    query: { attribute: false },
    error: { state: true },
    externalError: { state: true },
    providers: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.providers = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.finishExternalSignIn();
    // Without the list the password form still works: a failure here only leaves the provider links out.
    api.get('/auth/external/providers').then((providers) => { this.providers = providers; }, () => {});
  }

  async finishExternalSignIn() {
    try {
      const tokens = await api.post('/auth/external/result');
      if (tokens) signIn(tokens);
    } catch (error) {
      this.externalError = error;
    }
  }

  submit(event) {
    return this.submitting(event, async (form) =>
      signIn(await api.post('/auth/login', { email: form.email.value, password: form.password.value })));
  }

  /** The sign-in through a provider, coming back to the page that asked for the sign-in ("/#/jobs/…"), or the overview. */
  providerUrl(provider) {
    const back = this.query?.get('returnTo') ?? '';
    const returnTo = back.startsWith('/') && !/[\s\\]/.test(back) ? `/#${back}` : '/';
    return buildUrl(`/auth/external/${encodeURIComponent(provider.name)}/login`, { returnTo });
  }

  render() {
    return html`<section class="card narrow login">
      <h1>MolDash</h1>
      <p class="muted">Sign in to the dashboard.</p>
      ${this.externalError ? html`<div class="banner error" role="alert" data-testid="external-sign-in-error">
        <strong>Signing in through your identity provider did not work.</strong> <span>${this.externalError.message}</span>
      </div>` : nothing}
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
      ${this.providers.length ? html`<nav class="sign-in-providers" aria-labelledby="sign-in-providers-heading">
        <p id="sign-in-providers-heading" class="muted">Or with your organization's account:</p>
        ${this.providers.map((provider) => html`<a class="button secondary" href=${this.providerUrl(provider)}>Sign in with ${provider.displayName}</a>`)}
      </nav>` : nothing}
      <p class="muted small">Invited? Open the link from your invitation. API reference: <a href="/docs">/docs</a>.</p>
    </section>`;
  }
}

customElements.define('md-login-page', MdLoginPage);

import { html } from 'lit';
import { MdElement } from '../core/md-element.js';
import { request } from '../core/api.js';
import { caller, signOut, tokens } from '../core/session.js';
import { navigate } from '../core/router.js';

/** Who is signed in, with their roles, and the sign-out button (ends the session on the server too). */
export class MdUserMenu extends MdElement {
  async signOut() {
    const refreshToken = tokens()?.refreshToken;
    // The session ends here whatever the server answers; the server forgets the refresh token and the cookie.
    await request('POST', '/auth/logout', { body: { refreshToken } }).catch(() => {});
    signOut();
    navigate('/login');
  }

  render() {
    const who = caller();
    return html`<div class="user-menu">
      <span class="user-email">${who?.email}</span>
      <span class="badge role">${who?.roles.join(', ')}</span>
      <button type="button" class="secondary" @click=${this.signOut}>Sign out</button>
    </div>`;
  }
}

customElements.define('md-user-menu', MdUserMenu);

import { html } from 'lit';
import { MdElement } from '../core/md-element.js';
import { caller } from '../core/session.js';
import { routes } from '../routes.js';
import { href } from '../core/router.js';

/** The landing page: what the caller can do here, one card per page their role opens. */
export class MdHomePage extends MdElement {
  static properties = { params: { attribute: false }, query: { attribute: false } };

  render() {
    const who = caller();
    const pages = routes.filter((r) => r.nav && (!r.allow || r.allow(who)));
    return html`<section class="page">
      <h1>Welcome${who?.email ? `, ${who.email}` : ''}</h1>
      <p class="muted">Signed in as ${who?.roles.join(', ') || 'member'}.</p>
      <div class="cards">
        ${pages.map((r) => html`<a class="card link-card" href=${href(r.path)}><strong>${r.nav.label}</strong><span class="muted">${r.nav.section}</span></a>`)}
      </div>
    </section>`;
  }
}

customElements.define('md-home-page', MdHomePage);

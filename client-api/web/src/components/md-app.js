import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { caller, onSessionChange } from '../core/session.js';
import { onOrgChange } from '../core/org.js';
import { currentLocation, match, href, navigate } from '../core/router.js';
import { routes, externalLinks, sections } from '../routes.js';
import './md-org-switcher.js';
import './md-user-menu.js';

/** The application shell: header with org switcher and user menu, navigation by role, and the current page. */
export class MdApp extends MdElement {
  static properties = {
    route: { state: true },
    page: { state: true },
    navOpen: { state: true },
  };

  constructor() {
    super();
    this.route = null;
    this.page = null;
    this.navOpen = false;
    this.onLocation = () => this.resolve();
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onLocation);
    // A refreshed token changes nothing on screen; signing in or out, or another org, shows the page anew.
    this.offSession = onSessionChange(() => this.requestUpdate());
    this.offOrg = onOrgChange(() => this.reloadPage());
    this.resolve();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onLocation);
    this.offSession();
    this.offOrg();
    super.disconnectedCallback();
  }

  async resolve() {
    // A page module still loading must not replace the page of a later navigation.
    const ticket = (this.resolving = (this.resolving ?? 0) + 1);
    const { path, query } = currentLocation();
    const who = caller();
    let route = null;
    let params = {};
    for (const candidate of routes) {
      const found = match(candidate.path, path);
      if (found) { route = candidate; params = found; break; }
    }
    if (route && !route.public && !who) {
      navigate('/login', { returnTo: path === '/' ? undefined : location.hash.slice(1) });
      return;
    }
    if (route?.path === '/login' && who) {
      const back = query.get('returnTo');
      location.hash = back?.startsWith('/') ? `#${back}` : '#/';
      return;
    }
    this.navOpen = false;
    this.route = route;
    if (!route) {
      this.page = html`<section class="page"><h1>Page not found</h1><p>There is no page at <code>${path}</code>. <a href="#/">Go to the overview</a>.</p></section>`;
      return;
    }
    document.title = `${route.title} · MolDash`;
    if (route.allow && !route.allow(who)) {
      this.page = html`<section class="page refusal" role="alert"><h1>Not allowed</h1>
        <p>You cannot open <strong>${route.title}</strong>: it needs ${route.needs ?? 'other permissions'}, and you are signed in as
        ${who.email} (${who.roles.join(', ') || 'no role'}).</p><p><a href="#/">Back to the overview</a></p></section>`;
      return;
    }
    await route.load();
    if (ticket !== this.resolving) return;
    const element = this.page instanceof HTMLElement && this.page.localName === route.tag ? this.page : document.createElement(route.tag);
    element.params = params;
    element.query = query;
    this.page = element;
  }

  /** A page shows another org's data after an org switch: it is made anew. */
  reloadPage() {
    if (this.page instanceof HTMLElement) this.page = null;
    this.resolve();
  }

  render() {
    const who = caller();
    if (!who || this.route?.public) {
      return html`<main class="public">${this.page ?? nothing}</main>`;
    }
    return html`
      <header class="topbar">
        <button class="nav-toggle" aria-label="Menu" aria-expanded=${this.navOpen} @click=${() => { this.navOpen = !this.navOpen; }}>☰</button>
        <a class="brand" href="#/">MolDash</a>
        <md-org-switcher></md-org-switcher>
        <md-user-menu></md-user-menu>
      </header>
      <div class="shell">
        <nav class="sidebar ${this.navOpen ? 'open' : ''}" aria-label="Main">${this.renderNav(who)}</nav>
        <main id="main">${this.page ?? nothing}</main>
      </div>`;
  }

  renderNav(who) {
    const current = currentLocation().path;
    return sections.map((section) => {
      const pages = routes.filter((r) => r.nav?.section === section && (!r.allow || r.allow(who)));
      const links = externalLinks.filter((l) => l.section === section && l.allow(who));
      if (!pages.length && !links.length) return nothing;
      return html`<div class="nav-section"><h2>${section}</h2><ul>
        ${pages.map((r) => html`<li><a href=${href(r.path)} class=${isCurrent(r.path, current) ? 'current' : ''}
          aria-current=${isCurrent(r.path, current) ? 'page' : 'false'}>${r.nav.label}</a></li>`)}
        ${links.map((l) => html`<li><a href=${l.href} target="_blank" rel="noopener">${l.label} ↗</a></li>`)}
      </ul></div>`;
    });
  }
}

function isCurrent(path, current) {
  return current === path || (path !== '/' && current.startsWith(`${path}/`));
}

customElements.define('md-app', MdApp);

import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { caller, isRoot, signIn } from '../core/session.js';
import { actingOrgId, setActingOrg } from '../core/org.js';

/**
 * Picks the org the dashboard acts in. A member switches org (new tokens for that org, POST /auth/switch-org);
 * Root, who belongs to none, chooses which org's data the pages show.
 */
export class MdOrgSwitcher extends MdElement {
  static properties = {
    orgs: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.orgs = [];
    this.error = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.onOrgsChanged = () => this.load();
    window.addEventListener('md-orgs-changed', this.onOrgsChanged);
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('md-orgs-changed', this.onOrgsChanged);
    super.disconnectedCallback();
  }

  async load() {
    try {
      if (isRoot()) {
        const page = await api.get('/orgs', { limit: 200 });
        this.orgs = page.items.map((org) => ({ orgId: org.id, name: org.name, active: org.status === 'Active' }));
      } else {
        this.orgs = (await api.get('/auth/orgs')).items;
      }
    } catch (error) {
      this.error = error.message;
    }
  }

  async choose(event) {
    const orgId = event.target.value;
    this.error = '';
    if (isRoot()) {
      setActingOrg(orgId || null);
      return;
    }
    try {
      signIn(await api.post('/auth/switch-org', { orgId }));
    } catch (error) {
      this.error = error.message;
      event.target.value = caller()?.orgId ?? '';
    }
  }

  render() {
    const current = actingOrgId() ?? '';
    if (!isRoot() && this.orgs.length <= 1) {
      return html`<span class="org-name" title="Your organization">${this.orgs[0]?.name ?? ''}</span>`;
    }
    return html`<label class="org-switcher">
      <span class="visually-hidden">Organization</span>
      <select name="org" @change=${this.choose} aria-label="Organization">
        ${isRoot() ? html`<option value="" ?selected=${!current}>— act in an organization —</option>` : nothing}
        ${this.orgs.map((org) => html`<option value=${org.orgId} ?selected=${org.orgId === current} ?disabled=${!isRoot() && !org.active}>
          ${org.name}${org.active === false ? ' (inactive)' : ''}</option>`)}
      </select>
      ${this.error ? html`<span class="field-error" role="alert">${this.error}</span>` : nothing}
    </label>`;
  }
}

customElements.define('md-org-switcher', MdOrgSwitcher);

import { html, nothing } from 'lit';
import { MdPage } from '../core/md-page.js';
import { api } from '../core/api.js';
import { actingOrgId, orgQuery } from '../core/org.js';
import { caller } from '../core/session.js';
import { routes } from '../routes.js';
import { href } from '../core/router.js';
import { formatDate, statusBadge } from '../core/ui.js';
import { progressText, shortId } from '../core/format-job.js';

/** The landing page: the org's latest jobs, and one card per page the caller's role opens. */
export class MdHomePage extends MdPage {
  static properties = { recent: { state: true } };

  async load() {
    if (!actingOrgId()) return;
    try {
      this.recent = (await api.get('/jobs', { ...orgQuery(), limit: 5 })).items;
    } catch {
      // The overview shows the pages without the latest jobs.
      this.recent = null;
    }
  }

  render() {
    const who = caller();
    const pages = routes.filter((r) => r.nav && (!r.allow || r.allow(who)));
    return html`<section class="page">
      <h1>Welcome${who?.email ? `, ${who.email}` : ''}</h1>
      <p class="muted">Signed in as ${who?.roles.join(', ') || 'member'}.</p>
      <div class="cards">
        ${pages.map((r) => html`<a class="card link-card" href=${href(r.path)}><strong>${r.nav.label}</strong><span class="muted">${r.nav.section}</span></a>`)}
      </div>
      ${this.recent?.length ? html`<h2>Latest jobs</h2><div class="table-wrap"><table class="data">
        <tbody>${this.recent.map((job) => html`<tr><td><a href=${href(`/jobs/${job.jobId}`)}><code>${shortId(job.jobId)}</code></a></td>
          <td>${job.target}</td><td>${statusBadge(job.status)}</td><td>${progressText(job.progress)}</td><td>${formatDate(job.createdAt)}</td></tr>`)}</tbody>
        </table></div>` : nothing}
    </section>`;
  }
}

customElements.define('md-home-page', MdHomePage);

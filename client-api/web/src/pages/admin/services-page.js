import { html } from 'lit';
import { MdPage } from '../../core/md-page.js';
import { api } from '../../core/api.js';
import { actingOrgId, orgQuery } from '../../core/org.js';
import { href } from '../../core/router.js';
import { chooseOrgHint, errorBanner, loading, statusBadge } from '../../core/ui.js';
import '../../components/md-task-service.js';

/** Every task version's service at a glance (task.define): instances, health and queues, opened one version at a time. */
export class MdServicesPage extends MdPage {
  static properties = {
    tasks: { state: true },
    error: { state: true },
  };

  async load() {
    if (!actingOrgId()) return;
    try {
      this.tasks = (await api.get('/tasks', { ...orgQuery(), limit: 200 })).items;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (!actingOrgId()) return html`<section class="page"><h1>Task services</h1>${chooseOrgHint()}</section>`;
    return html`<section class="page">
      <h1>Task services</h1>
      ${errorBanner(this.error)}
      ${!this.tasks ? loading() : this.tasks.length ? this.tasks.map((task) => html`<details class="card" data-task=${`${task.name}@${task.version}`}
        @toggle=${(e) => { if (e.target.open) e.target.querySelector('md-task-service').path = `/tasks/${task.name}/versions/${task.version}`; }}>
        <summary>${task.name}@${task.version} ${statusBadge(task.status)}</summary>
        <p class="small"><a href=${href(`/tasks/${task.name}/${task.version}`)}>Open the task</a></p>
        <md-task-service></md-task-service>
      </details>`) : html`<p class="muted">No task yet. Register one in the <a href="#/tasks">task library</a>.</p>`}
    </section>`;
  }
}

customElements.define('md-services-page', MdServicesPage);

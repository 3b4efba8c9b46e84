import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { errorBanner, fieldError, formatDate, statusBadge } from '../core/ui.js';

/**
 * A task version's service (task.define): its instances with health, circuit and load, the queue per priority,
 * registering or removing an instance by address, and issuing the service key a service registers itself with.
 * Property: .path "/tasks/{name}/versions/{version}".
 */
export class MdTaskService extends MdElement {
  static properties = {
    path: { attribute: false },
    status: { state: true },
    error: { state: true },
    issuedKey: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('path') && this.path) this.load();
  }

  async load() {
    try {
      this.status = await api.get(`${this.path}/service`, orgQuery());
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async act(promise) {
    this.error = null;
    try {
      const answer = await promise;
      if (answer?.instances) this.status = answer;
      return answer;
    } catch (error) {
      this.error = error;
      return null;
    }
  }

  async register(event) {
    event.preventDefault();
    const form = event.target;
    if (await this.act(api.post(`${this.path}/service/instances`, { address: form.address.value.trim() }, orgQuery()))) form.reset();
  }

  remove(address) {
    this.act(api.delete(`${this.path}/service/instances`, { ...orgQuery(), address }));
  }

  async issueKey() {
    if (this.status?.serviceKey && !confirm('Replace the service key? The current key stops working at once.')) return;
    this.issuedKey = await this.act(api.post(`${this.path}/service/credentials`, undefined, orgQuery()));
    this.load();
  }

  render() {
    const status = this.status;
    return html`${errorBanner(this.error, ['address'])}
      ${status ? html`
        <div class="table-wrap"><table class="data" data-testid="service-instances">
          <thead><tr><th>Address</th><th>Health</th><th>Circuit</th><th>Outstanding</th><th>Errors</th><th>Last check</th><th>Source</th><th></th></tr></thead>
          <tbody>${status.instances.length ? status.instances.map((i) => html`<tr>
            <td><code>${i.address}</code></td>
            <td>${statusBadge(i.healthy ? 'Healthy' : 'Unhealthy')}${i.lastError ? html`<div class="muted small">${i.lastError}</div>` : nothing}</td>
            <td>${i.circuit}${i.openUntil ? html`<div class="muted small">until ${formatDate(i.openUntil)}</div>` : nothing}</td>
            <td class="num">${i.outstanding}</td><td class="num">${i.errors}</td><td>${formatDate(i.lastCheck)}</td>
            <td>${(i.sources ?? []).join(', ')}${i.leaseExpiresAt ? html`<div class="muted small">lease until ${formatDate(i.leaseExpiresAt)}</div>` : nothing}</td>
            <td>${(i.sources ?? ['Admin']).some((s) => s === 'Admin' || s === 'ServiceKey')
              ? html`<button class="danger small" @click=${() => this.remove(i.address)}>Remove</button>` : nothing}</td>
          </tr>`) : html`<tr><td colspan="8" class="muted">No instance: runs wait in the queue until one is registered.</td></tr>`}</tbody>
        </table></div>
        <p class="small muted">Queued runs: ${Object.entries(status.queueDepth ?? {}).map(([p, n]) => `${p} ${n}`).join(' · ') || 'none'}
          · Service key: ${status.serviceKey ? html`<code>${status.serviceKey.keyId}</code> (${formatDate(status.serviceKey.createdAt)})` : 'none'}</p>
        <form class="toolbar" @submit=${this.register} novalidate aria-label="Register an instance">
          <label>Instance address<input name="address" type="url" required placeholder="http://127.0.0.1:5090/" aria-describedby="instance-address-error"></label>
          <button type="submit">Register instance</button>
          <button type="button" class="secondary" @click=${this.issueKey}>${status.serviceKey ? 'Replace service key' : 'Issue service key'}</button>
        </form>
        ${fieldError(this.error, 'address', 'instance-address')}
        ${this.issuedKey ? html`<div class="banner ok" role="status">Service key <code>${this.issuedKey.keyId}</code>:
          <code class="secret">${this.issuedKey.key}</code> — shown only now; give it to the service as PlatformRegistration__ServiceKey.</div>` : nothing}`
        : nothing}`;
  }
}

customElements.define('md-task-service', MdTaskService);

import { html, nothing } from 'lit';
import { MdPage } from '../../core/md-page.js';
import { api } from '../../core/api.js';
import { actingOrgId } from '../../core/org.js';
import { isRoot } from '../../core/session.js';
import { navigate } from '../../core/router.js';
import { chooseOrgHint, errorBanner, fieldError, formatBytes, formatDate, loading, notice, statusBadge } from '../../core/ui.js';

const STEPS = ['ResultsDatabase', 'BlobContainer', 'InitialAdmin'];

/** Quotas as the form edits them: [field, label, unit]; sizes are entered in MiB. */
const QUOTAS = [
  ['maxConcurrentJobs', 'Concurrent jobs', ''],
  ['maxStorageBytes', 'Storage', 'MiB'],
  ['maxUploadBytes', 'Largest upload', 'MiB'],
  ['jobRetentionDays', 'Job retention', 'days'],
  ['maxTaskCpu', 'CPU per task replica', 'cores'],
  ['maxTaskMemoryMb', 'Memory per task replica', 'MB'],
  ['maxTaskGpu', 'GPUs per task replica', ''],
  ['maxTaskReplicas', 'Replicas per task', ''],
];
const MIB = 1024 * 1024;

/**
 * One organization: status and provisioning steps (a failure names the step and reason; Root retries it), its
 * quotas (Root edits them), and Root's suspend, reactivate and delete. An Admin sees their own org's.
 */
export class MdOrgPage extends MdPage {
  static properties = {
    org: { state: true },
    error: { state: true },
    quotaError: { state: true },
    message: { state: true },
  };

  get orgId() {
    return this.params.id ?? actingOrgId();
  }

  async load() {
    if (!this.orgId) return;
    try {
      this.org = await api.get(`/orgs/${this.orgId}`);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  async saveQuotas(event) {
    event.preventDefault();
    const form = event.target;
    const quotas = {};
    for (const [name, , unit] of QUOTAS) {
      const value = Number(form[name].value);
      quotas[name] = unit === 'MiB' ? Math.round(value * MIB) : value;
    }
    this.quotaError = null;
    try {
      this.org = await api.put(`/orgs/${this.orgId}/quotas`, quotas);
      this.message = 'Quotas saved; they apply at once.';
    } catch (error) {
      this.quotaError = error;
    }
  }

  async remove() {
    if (!confirm(`Delete ${this.org.name} with all its data? This cannot be undone.`)) return;
    try {
      await api.delete(`/orgs/${this.orgId}`);
      navigate('/orgs');
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (!this.orgId) return html`<section class="page"><h1>Organization</h1>${chooseOrgHint()}</section>`;
    if (!this.org) return html`<section class="page"><h1>Organization</h1>${errorBanner(this.error)}${this.error ? nothing : loading()}</section>`;
    const org = this.org;
    const root = isRoot();
    return html`<section class="page">
      <div class="actions"><h1>${org.name}</h1><span data-testid="org-status">${statusBadge(org.status)}</span></div>
      ${notice(this.message)}${errorBanner(this.error)}
      <div class="grid-2">
        <div class="card">
          <h2 class="first">Provisioning</h2>
          <ol class="timeline">${STEPS.map((step) => html`<li>${step} ${org.completedSteps.includes(step) ? statusBadge('Done')
            : org.failure?.step === step ? statusBadge('Failed') : statusBadge('Pending')}</li>`)}</ol>
          ${org.failure ? html`<div class="banner error" role="alert">${org.failure.step} failed at ${formatDate(org.failure.failedAt)}: ${org.failure.reason}</div>` : nothing}
          ${org.initialAdmin ? html`<p class="small">First Admin <code>${org.initialAdmin.email}</code>${org.initialAdmin.initialPassword
            ? html`: initial password <code class="secret">${org.initialAdmin.initialPassword}</code> (shown until seen)` : nothing}</p>` : nothing}
          ${org.deletion ? html`<div class="banner info">Deletion requested ${formatDate(org.deletion.requestedAt)}${org.deletion.failureReason ? `: ${org.deletion.failureReason}` : ''}</div>` : nothing}
          <dl class="facts"><dt>Id</dt><dd><code>${org.id}</code></dd><dt>Created</dt><dd>${formatDate(org.createdAt)}</dd></dl>
          ${root ? html`<div class="actions">
            ${org.status === 'Failed' || org.failure ? html`<button @click=${() => this.act(api.post(`/orgs/${org.id}/provisioning/retry`), 'Provisioning resumed.')}>Retry provisioning</button>` : nothing}
            ${org.status === 'Active' ? html`<button class="secondary" @click=${() => this.act(api.post(`/orgs/${org.id}/suspend`), 'Suspended: its members cannot sign in.')}>Suspend</button>` : nothing}
            ${org.status === 'Suspended' ? html`<button class="secondary" @click=${() => this.act(api.post(`/orgs/${org.id}/reactivate`), 'Reactivated.')}>Reactivate</button>` : nothing}
            <button class="danger" @click=${this.remove}>Delete</button></div>` : nothing}
        </div>
        ${this.renderQuotas(org.quotas, root)}
      </div>
    </section>`;
  }

  renderQuotas(quotas, editable) {
    const shown = (name, unit) => (unit === 'MiB' ? formatBytes(quotas[name]) : `${quotas[name]} ${unit}`);
    if (!editable) {
      return html`<div class="card"><h2 class="first">Quotas</h2><dl class="facts" data-testid="quotas">
        ${QUOTAS.map(([name, label, unit]) => html`<dt>${label}</dt><dd>${shown(name, unit)}</dd>`)}</dl>
        <p class="muted small">Root sets the quotas.</p></div>`;
    }
    return html`<form class="card form-grid" @submit=${this.saveQuotas} novalidate aria-label="Quotas">
      <h2 class="first span">Quotas</h2>
      ${QUOTAS.map(([name, label, unit]) => html`<label for="quota-${name}">${label}${unit ? ` (${unit})` : ''}</label>
        <div><input id="quota-${name}" name=${name} type="number" min="0" step=${name === 'maxTaskCpu' ? '0.1' : '1'}
          .value=${String(unit === 'MiB' ? Math.round(quotas[name] / MIB) : quotas[name])}
          aria-invalid=${!!this.quotaError?.fieldError?.(name)} aria-describedby="quota-${name}-error">${fieldError(this.quotaError, name, `quota-${name}`)}</div>`)}
      <div class="span">${errorBanner(this.quotaError, QUOTAS.map(([name]) => name))}<button type="submit">Save quotas</button></div>
    </form>`;
  }
}

customElements.define('md-org-page', MdOrgPage);

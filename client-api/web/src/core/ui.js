import { html, nothing } from 'lit';
import { ApiError } from './api.js';

/**
 * Small shared pieces of page markup: errors from the API, field errors beside their inputs, dates, sizes, statuses.
 */

/** A banner for a failed request: the problem's title and detail, and field errors no input showed. */
export function errorBanner(error, shownFields = []) {
  if (!error) return nothing;
  const problem = error instanceof ApiError ? error : null;
  const others = problem ? problem.otherFieldErrors(shownFields) : [];
  return html`<div class="banner error" role="alert">
    <strong>${problem?.title ?? 'Something went wrong'}</strong>
    ${error.message && error.message !== problem?.title ? html`<span> ${error.message}</span>` : nothing}
    ${others.length ? html`<ul>${others.map(([name, messages]) => html`<li><code>${name}</code>: ${messages.join(' ')}</li>`)}</ul>` : nothing}
  </div>`;
}

/** The error for one field, placed under its input and referenced by aria-describedby="{id}-error". */
export function fieldError(error, field, id = field) {
  const message = error instanceof ApiError ? error.fieldError(field) : undefined;
  return message ? html`<div class="field-error" id="${id}-error" role="alert">${message}</div>` : nothing;
}

export const notice = (text) => (text ? html`<div class="banner ok" role="status">${text}</div>` : nothing);

export const loading = () => html`<p class="muted" aria-busy="true">Loading…</p>`;

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** A coloured status word (Running, Succeeded, Failed, Active…); the class is the lower-cased status. */
export const statusBadge = (status) =>
  status ? html`<span class="badge status-${String(status).toLowerCase()}">${status}</span>` : nothing;

/** A date input's day (YYYY-MM-DD) as an ISO instant: its local midnight, plus whole days (1 for "until the end of it"). */
export const dayStart = (value, plusDays = 0) =>
  (value ? new Date(new Date(`${value}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString() : undefined);

/** Submits a form's values as an object of strings (empty inputs left out). */
export function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
  }
  return values;
}

/** For Root, who acts in no org until choosing one: the hint an org-scoped page shows instead of its content. */
export const chooseOrgHint = () =>
  html`<div class="banner info" role="status">Choose an organization in the switcher at the top: Root acts in any of them.</div>`;

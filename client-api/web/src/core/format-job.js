import { html, nothing } from 'lit';
import { formatDuration } from './ui.js';

/** How far a job is: nodes (or a batch's items) succeeded and failed out of the total. */
export function progressText(progress) {
  if (!progress) return '';
  const p = progress.items ?? progress;
  const done = p.succeeded + p.failed;
  const unit = progress.items ? 'items' : 'nodes';
  return `${done}/${p.total} ${unit} done${p.failed ? `, ${p.failed} failed` : ''}${progress.running ? `, ${progress.running} running` : ''}`;
}

export function progressBar(progress) {
  if (!progress) return nothing;
  const p = progress.items ?? progress;
  return html`<progress max=${Math.max(1, p.total)} value=${p.succeeded + p.failed} aria-label="Progress"></progress>`;
}

export const shortId = (id) => (id ? String(id).slice(0, 8) : '');

/** The run time from start to finish (or to now while running), in words. */
export function elapsed(startedAt, finishedAt) {
  if (!startedAt) return '';
  return formatDuration((finishedAt ? Date.parse(finishedAt) : Date.now()) - Date.parse(startedAt));
}

/** A confidence in [0, 1] as a percentage; a dash when unknown. */
export function formatConfidence(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(0)} %`;
}

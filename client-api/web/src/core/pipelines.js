import { actingOrgId, orgQuery } from './org.js';

/**
 * Where a pipeline's API lives and how to name its owner: the org's own pipelines need nothing more, another
 * org's public one is read and run with ?owner=<its org id> (Root also names the org it acts in).
 */

/** @param {string} name @param {string} [version] @param {string} [rest] "form", "runs"… */
export function pipelinePath(name, version, rest) {
  let path = `/pipelines/${encodeURIComponent(name)}`;
  if (version) path += `/versions/${encodeURIComponent(version)}`;
  return rest ? `${path}/${rest}` : path;
}

/** @param {string|null|undefined} owner the owning org, when it may be another org's public pipeline */
export function pipelineQuery(owner) {
  return { ...orgQuery(), owner: owner && owner !== actingOrgId() ? owner : undefined };
}

/** The dashboard path of a pipeline (and version), keeping the owner for another org's public pipeline. */
export function pipelineHref(name, version, owner) {
  const path = version ? `/pipelines/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}` : `/pipelines/${encodeURIComponent(name)}`;
  return { path, query: { owner: owner && owner !== actingOrgId() ? owner : undefined } };
}

export const VISIBILITIES = ['Private', 'Org', 'Public'];

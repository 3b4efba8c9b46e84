import { api } from './api.js';
import { orgQuery } from './org.js';

/**
 * Opens an artifact's file: asks for its pre-signed download URL (valid 5 minutes) and opens it in a new tab.
 * @returns {Promise<string>} the URL, for a link to show when the browser blocked the new tab
 */
export async function openArtifact(artifactId) {
  const { url } = await api.get(`/artifacts/${artifactId}/download`, orgQuery());
  window.open(url, '_blank', 'noopener');
  return url;
}

/** The pre-signed URL of an artifact's file, for a viewer that reads it (valid 5 minutes). */
export async function artifactUrl(artifactId) {
  return (await api.get(`/artifacts/${artifactId}/download`, orgQuery())).url;
}

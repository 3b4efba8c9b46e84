/**
 * Hash routing ("#/jobs/3f…?status=Running"): the server only ever serves index.html at "/", so no route can
 * shadow /api, /hubs, /dashboard or /docs.
 */

/**
 * @typedef {object} Location
 * @property {string} path  "/jobs/3f…"
 * @property {URLSearchParams} query
 */

/** @returns {Location} */
export function currentLocation() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

/**
 * @param {string} path "/jobs/:id"
 * @param {Record<string, unknown>} [query] empty values are left out
 */
export function href(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(path, query) {
  location.hash = href(path, query);
}

/** Replaces the query of the current page (filters, cursors) without a new history entry per keystroke. */
export function replaceQuery(query) {
  history.replaceState(null, '', href(currentLocation().path, query));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Matches a path against a pattern with ":name" segments.
 * @returns {Record<string,string>|null} the parameters, or null when it does not match
 */
export function match(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

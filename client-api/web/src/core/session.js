/**
 * The signed-in session: access and refresh tokens kept in sessionStorage (one browser tab, gone when it closes),
 * and what the access token says about the caller (roles, permissions, org).
 */

const STORAGE_KEY = 'moldash.session';
const listeners = new Set();

/**
 * @typedef {object} Tokens
 * @property {string} accessToken
 * @property {string} refreshToken
 * @property {string} expiresAt ISO time the access token expires
 */

/**
 * @typedef {object} Caller
 * @property {string} userId
 * @property {string} email
 * @property {string|null} orgId
 * @property {string[]} roles
 * @property {string[]} permissions
 */

/** @returns {Tokens|null} */
export function tokens() {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  return raw ? JSON.parse(raw) : null;
}

/** @param {Tokens} value the answer of login, refresh, switch-org or invitation acceptance */
export function signIn(value) {
  const { accessToken, refreshToken, expiresAt } = value;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ accessToken, refreshToken, expiresAt }));
  notify();
}

export function signOut() {
  sessionStorage.removeItem(STORAGE_KEY);
  notify();
}

/** @returns {Caller|null} who the access token belongs to, read from its claims */
export function caller() {
  const current = tokens();
  if (!current) return null;
  const claims = decodeClaims(current.accessToken);
  const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return {
    userId: claims.sub,
    email: claims.email ?? '',
    orgId: claims.org_id ?? null,
    roles: list(claims.roles),
    permissions: list(claims.permissions),
  };
}

export const isRoot = (who = caller()) => !!who?.roles.includes('root');
export const isAdmin = (who = caller()) => !!who && (who.roles.includes('admin') || isRoot(who));

/** Root holds every permission without listing them, as the API's policies read it. */
export const can = (permission, who = caller()) => !!who && (isRoot(who) || who.permissions.includes(permission));

/** Who and in which org: unchanged by a token refresh, changed by signing in or out and by switching org. */
export const identityKey = (who = caller()) => (who ? `${who.userId}/${who.orgId ?? ''}` : '');

/** @param {() => void} listener called when the caller signs in, out, refreshes or switches org */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}

function decodeClaims(jwt) {
  const payload = jwt.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

import { caller, identityKey, onSessionChange } from './session.js';

/**
 * The org the pages act in. A member acts in the org of their token; Root has no org of its own and picks one
 * in the org switcher, which the API's org-scoped endpoints then get as ?orgId=.
 */

const ACTING_KEY = 'moldash.actingOrg';
const listeners = new Set();

/** @returns {string|null} */
export function actingOrgId() {
  return caller()?.orgId ?? sessionStorage.getItem(ACTING_KEY);
}

/** @param {string|null} orgId Root's choice of org to act in */
export function setActingOrg(orgId) {
  if (orgId) sessionStorage.setItem(ACTING_KEY, orgId);
  else sessionStorage.removeItem(ACTING_KEY);
  for (const listener of listeners) listener();
}

/** Query parameters that name the org for Root (a member's token already names it). */
export function orgQuery() {
  return caller()?.orgId ? {} : { orgId: actingOrgId() ?? undefined };
}

/** Who acts in which org: changes on sign-in, sign-out, an org switch and Root's choice, not on a token refresh. */
export const actingKey = () => `${identityKey()}/${actingOrgId() ?? ''}`;

/** @param {() => void} listener called when the acting identity or org changes (not on a token refresh) */
export function onOrgChange(listener) {
  let last = actingKey();
  const check = () => {
    const now = actingKey();
    if (now !== last) { last = now; listener(); }
  };
  listeners.add(check);
  const off = onSessionChange(check);
  return () => { listeners.delete(check); off(); };
}

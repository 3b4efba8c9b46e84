import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { freshAccessToken } from './api.js';
import { caller, identityKey, onSessionChange } from './session.js';

/**
 * The live job hub (/hubs/jobs), one connection per tab, opened on first use. Live status is per org, so it
 * serves members; Root (no org of its own) is told so and pages fall back to reading the REST API.
 */

export const FINAL_STATUSES = new Set(['Succeeded', 'Failed', 'Cancelled']);

let connection = null;
let starting = null;
const resubscribers = new Set();
const stateListeners = new Set();

/** Whether live status can be used by this caller (members only: the hub refuses Root, who has no org). */
export const liveAvailable = () => !!caller()?.orgId;

/** @returns {Promise<import('@microsoft/signalr').HubConnection>} a started connection */
export async function hub() {
  if (!connection) {
    connection = new HubConnectionBuilder()
      .withUrl('/hubs/jobs', { accessTokenFactory: freshAccessToken })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    connection.onreconnecting(() => notifyState());
    // After a reconnect every subscription is gone on the server: each page subscribes again for a fresh snapshot.
    connection.onreconnected(() => { notifyState(); for (const resubscribe of resubscribers) resubscribe(); });
    connection.onclose(() => notifyState());
  }
  if (connection.state === HubConnectionState.Disconnected) {
    starting ??= connection.start().finally(() => { starting = null; notifyState(); });
  }
  if (starting) await starting;
  return connection;
}

/** @returns {boolean} whether the connection is up now */
export const isConnected = () => connection?.state === HubConnectionState.Connected;

/**
 * Follows one job: calls onSnapshot with the job as it stands after each (re)subscription, and onEvent once per
 * newer event, in order. Returns a function that stops following.
 * @param {string} jobId
 * @param {{ onSnapshot: (job: object) => void, onEvent: (event: object) => void, onState?: (connected: boolean) => void, onError?: (error: Error) => void }} handlers
 */
export function followJob(jobId, { onSnapshot, onEvent, onState, onError }) {
  let shownUpTo = 0;
  let stopped = false;
  const handler = (event) => {
    if (stopped || event.jobId !== jobId || event.seq <= shownUpTo) return;
    shownUpTo = event.seq;
    onEvent(event);
  };
  const subscribe = async () => {
    try {
      const live = await hub();
      const snapshot = await live.invoke('SubscribeJob', jobId);
      shownUpTo = Math.max(shownUpTo, snapshot.lastEventSeq);
      if (!stopped) onSnapshot(snapshot);
    } catch (error) {
      onError?.(error);
    }
  };
  const state = () => onState?.(isConnected());
  resubscribers.add(subscribe);
  stateListeners.add(state);
  hub().then((live) => live.on('jobEvent', handler)).catch((error) => onError?.(error));
  subscribe().then(state);
  return () => {
    stopped = true;
    resubscribers.delete(subscribe);
    stateListeners.delete(state);
    if (connection) {
      connection.off('jobEvent', handler);
      if (isConnected()) connection.invoke('UnsubscribeJob', jobId).catch(() => {});
    }
  };
}

/**
 * Follows every job of the caller's org (the job list's rows); returns a function that stops following.
 * @param {(event: object) => void} onEvent
 */
export function followOrg(onEvent) {
  let stopped = false;
  const handler = (event) => { if (!stopped) onEvent(event); };
  const subscribe = async () => {
    try {
      (await hub()).invoke('SubscribeOrg');
    } catch {
      // The list still works without live updates.
    }
  };
  resubscribers.add(subscribe);
  hub().then((live) => live.on('jobEvent', handler)).catch(() => {});
  subscribe();
  return () => {
    stopped = true;
    resubscribers.delete(subscribe);
    if (connection) {
      connection.off('jobEvent', handler);
      if (isConnected()) connection.invoke('UnsubscribeOrg').catch(() => {});
    }
  };
}

function notifyState() {
  for (const listener of stateListeners) listener();
}

// A new sign-in or org switch means a new identity: the old connection is closed, the next use opens one.
// A refreshed token is the same identity: the connection stays (it asks for the fresh token when it reconnects).
let identity = identityKey();
onSessionChange(() => {
  if (identityKey() === identity) return;
  identity = identityKey();
  const old = connection;
  connection = null;
  old?.stop().catch(() => {});
});

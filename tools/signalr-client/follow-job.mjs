// Follows one job over the MolDash live hub the way a browser would, printing one JSON line per
// message: {"type":"snapshot",...} after each (re)subscribe, {"type":"event",...} per event.
// Exits 0 when the job reaches a final status, 2 on timeout, 1 on error.
// Usage: node follow-job.mjs <api base url> <access token> <job id> [timeout seconds]
import * as signalR from "@microsoft/signalr";

const [baseUrl, token, jobId, timeoutSeconds = "120"] = process.argv.slice(2);
if (!baseUrl || !token || !jobId) {
  console.error("usage: node follow-job.mjs <api base url> <access token> <job id> [timeout seconds]");
  process.exit(1);
}

const finalStatuses = new Set(["Succeeded", "Failed", "Cancelled"]);
const print = (type, body) => console.log(JSON.stringify({ type, ...body }));

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("/hubs/jobs", baseUrl).toString(), { accessTokenFactory: () => token })
  .withAutomaticReconnect([0, 500, 1000, 2000, 5000])
  .configureLogging(signalR.LogLevel.Error)
  .build();

// Events at or below the latest snapshot's lastEventSeq are already in it: a client shows each event once.
let shownUpTo = 0;
let finish;
const done = new Promise((resolve) => (finish = resolve));

connection.on("jobEvent", (event) => {
  if (event.jobId !== jobId || event.seq <= shownUpTo) {
    return;
  }

  shownUpTo = event.seq;
  print("event", event);
  if (event.jobId === jobId && finalStatuses.has(event.jobStatus)) {
    finish(0);
  }
});

const subscribe = async () => {
  const snapshot = await connection.invoke("SubscribeJob", jobId);
  shownUpTo = Math.max(shownUpTo, snapshot.lastEventSeq);
  print("snapshot", snapshot);
  if (finalStatuses.has(snapshot.status)) {
    finish(0);
  }
};

connection.onreconnected(() => subscribe().catch((error) => { console.error(String(error)); finish(1); }));

const timer = setTimeout(() => finish(2), Number(timeoutSeconds) * 1000);
try {
  await connection.start();
  await subscribe();
} catch (error) {
  console.error(String(error));
  finish(1);
}

const code = await done;
clearTimeout(timer);
await connection.stop();
process.exit(code);

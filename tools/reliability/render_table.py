#!/usr/bin/env python3
"""Renders the fault runs' figures (JSON lines written by tests/MolDash.Integration.Tests/Reliability) as the
table in docs/reliability.md, between <!-- fault-runs:begin --> and <!-- fault-runs:end --> only.

usage: render_table.py RESULTS.jsonl docs/reliability.md "how the machine was"
"""
import json
import sys
from pathlib import Path

BEGIN, END = "<!-- fault-runs:begin -->", "<!-- fault-runs:end -->"
SKELETON = f"""# Reliability

How MolDash behaves under faults and hostile input, measured by suites anyone can run. The fault runs
(`./moldash reliability`) start a real cluster on loopback (3 silo processes, 2 API processes, one PostgreSQL,
Azurite, echo task services), hold a steady load of job submissions and inject one fault each.

## Cluster under faults

{BEGIN}
{END}

## Security and bad input

<!-- security:begin -->
<!-- security:end -->
"""

COLUMNS = [
    ("Scenario", lambda r: r["scenario"]),
    ("Fault injected", lambda r: r["fault"]),
    ("Load held", lambda r: r["load"]),
    ("Accepted", lambda r: r["accepted"]),
    ("Succeeded", lambda r: r["succeeded"]),
    ("Failed", lambda r: r["failed"]),
    ("Lost", lambda r: r["lost"]),
    ("Run twice", lambda r: r["duplicates"]),
    ("Re-run after abort", lambda r: r["restarted"]),
    ("Retried answers", lambda r: r["retried"]),
    ("500s", lambda r: r["serverErrors"]),
    ("Serving again", lambda r: "—" if r["serveAgainSeconds"] is None else f"{r['serveAgainSeconds']:.1f} s"),
    ("Notes", lambda r: r["notes"] or ""),
]


def cell(value):
    return str(value).replace("|", "\\|").replace("\n", " ")


def render(runs, machine):
    lines = [
        f"Measured by `./moldash reliability` on {machine}.",
        "",
        "| " + " | ".join(name for name, _ in COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(cell(get(run)) for _, get in COLUMNS) + " |" for run in runs]
    lines += [
        "",
        "*Accepted*: jobs the API answered 202 for (every submission carries an Idempotency-Key and is retried with it",
        "until accepted). *Lost*: accepted jobs that never reached a final state or were answered 404. *Run twice*:",
        "node runs the task service completed more often than the distinct runs accepted (work done twice; repeats",
        "answered from its idempotency store are not counted). *Re-run after abort*: runs the service started but did",
        "not finish because their caller went away (a killed silo's calls, attempts past the task's timeout), run again",
        "under the same key. *Retried answers*: 503s,",
        "429s and refused or dropped connections a client retried. *Serving again*: from the fault until the first job",
        "submitted after it completed (for the API kill: until every live client had reconnected to the other API).",
    ]
    return "\n".join(lines)


def main():
    results, document, machine = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    runs = [json.loads(line) for line in results.read_text().splitlines() if line.strip()] if results.exists() else []
    if not runs:
        sys.exit(f"no fault runs in {results}")
    text = document.read_text() if document.exists() else SKELETON
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n## Cluster under faults\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    document.write_text(f"{head}{BEGIN}\n{render(runs, machine)}\n{END}{tail}")
    print(f"{len(runs)} fault runs written to {document}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs the claimlens CLI over the BASIL event clusters and prints what it reports across articles.

    python3 scripts/basil_clusters.py [--cmd target/eval/claimlens] [--data ../shared/corpora/basil_event_clusters/dev.jsonl]

Each cluster becomes one JSONL request (title and text of each article; the earliest article date
as the publication date). The corpus is read from ../shared at run time, never copied here.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "corpora", "basil_event_clusters", "dev.jsonl")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cmd", default=os.path.join(HERE, "..", "target", "eval", "claimlens"))
    p.add_argument("--data", default=DEFAULT_DATA)
    p.add_argument("--json", action="store_true", help="print the raw results, one line per cluster")
    args = p.parse_args()
    clusters = [json.loads(line) for line in open(args.data, encoding="utf-8") if line.strip()]
    requests = []
    for c in clusters:
        docs = [{"name": f"{a['source']}: {a['title']}", "text": a["title"] + "\n\n" + a["text"]} for a in c["articles"]]
        dates = sorted(a["date"] for a in c["articles"] if a.get("date"))
        req = {"id": c["cluster_id"], "documents": docs}
        if dates:
            req["pub_date"] = dates[0][:10]
        requests.append(req)
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests)
    out = subprocess.run([args.cmd, "analyze", "--jsonl"], input=payload, capture_output=True, text=True, check=True)
    results = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if args.json:
        print(out.stdout, end="")
        return
    total = {"contradictions": 0, "corroborations": 0}
    for c, r in zip(clusters, results):
        cons, cors = r.get("contradictions", []), r.get("corroborations", [])
        total["contradictions"] += len(cons)
        total["corroborations"] += len(cors)
        if not cons:
            continue
        print(f"== {c['cluster_id']} — {c['event']}")
        for x in cons:
            print(f"  [{x['kind']} {x['confidence']:.2f}] {x['a']['doc']}:{x['a']['text']!r} vs {x['b']['doc']}:{x['b']['text']!r}")
            print(f"      {x['explanation']}")
    print(f"clusters {len(clusters)}; contradictions {total['contradictions']}; corroborations {total['corroborations']}",
          file=sys.stderr)


if __name__ == "__main__":
    main()

"""Computes one scenario's figures and bounds for scripts/bench and prints its markdown table.

Usage: python3 scripts/bench-report.py SCENARIO DIR [name=value ...]
Every bound comes from the files of this run: the simulator's --stats (the generated account)
and --request-log, the job's log, /usr/bin/time -v and -Xlog:gc.
"""
import glob
import json
import math
import os
import re
import statistics
import sys

PAGE = 1000
TRADES, ORDERS, INCOME, POSITIONS = 5, 5, 30, 5


def read(path):
    return open(path).read() if os.path.exists(path) else ""


def wall_seconds(time_text):
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", time_text)
    if not m:
        return float("nan")
    return int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))


def rss_mb(time_text):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", time_text)
    return int(m.group(1)) / 1024 if m else float("nan")


def cpu_seconds(time_text):
    """User plus system CPU of the run: on two shared cores, what the run needs beside waiting."""
    user = re.search(r"User time \(seconds\): ([\d.]+)", time_text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", time_text)
    return float(user.group(1)) + float(system.group(1)) if user and system else float("nan")


def in_flight(entries, latency):
    """Requests in flight over the API phase, from the log: each took the latency before its entry.

    The mean is the calls times the latency over the API time; the most is the largest number of
    those intervals overlapping. Far below the client's limit (32), the calls were waiting for each
    other (a chain) or for the job's own work, not for connections.
    """
    if not entries:
        return float("nan"), 0
    points = sorted([(e["t"] - latency, 1) for e in entries] + [(e["t"], -1) for e in entries])
    most = current = 0
    for _, step in points:
        current += step
        most = max(most, current)
    span = entries[-1]["t"] - entries[0]["t"] + latency
    return len(entries) * latency / span, most


def peak_heap_mb(gc_text):
    """The largest heap occupancy a GC saw before collecting (G1 logs 'before->after(committed)')."""
    values = [int(b) for b, _ in re.findall(r"(\d+)M->(\d+)M\(\d+M\)", gc_text)]
    return max(values) if values else None


def requests(log_path):
    calls = weight = r429 = r418 = 0
    for line in open(log_path):
        entry = json.loads(line)
        calls += 1
        weight += entry["weight"]
        r429 += entry["status"] == 429
        r418 += entry["status"] == 418
    return calls, weight, r429, r418


def job_stats(job_out):
    m = re.search(r"Binance API: (\d+) calls, weight (\d+), (\d+) retries, (\d+) rate limited \(429\), (\d+) banned",
                  job_out)
    return tuple(int(g) for g in m.groups()) if m else None


def pages(records):
    return max(1, math.ceil(records / PAGE))


def minimal_weight(window):
    """The least weight a sync of the window can spend on the data (see docs/performance.md)."""
    total = INCOME * pages(window["incomeRecords"]) + POSITIONS
    for s in window["symbols"].values():
        total += TRADES * pages(s["fillsSinceFrom"]) + ORDERS * pages(s["orders"])
        if s["openAtFrom"]:
            total += TRADES * max(s["lookbackWindows"], math.ceil(s["lookbackFills"] / PAGE))
        if s["fundingBeforeFrom"]:
            total += INCOME
    return total


def fixed_window_weight(window, days):
    """Two calls (fills, orders) per symbol per 6.5-day window, plus the same income and positions."""
    windows = math.ceil(days / 6.5)
    return len(window["symbols"]) * windows * (TRADES + ORDERS) + INCOME * pages(window["incomeRecords"]) + POSITIONS


def table(rows):
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def fmt(x, digits=2):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def run_figures(d):
    time_text = read(f"{d}/job.time")
    wall = wall_seconds(time_text)
    log = f"{d}/requests-job.jsonl" if os.path.exists(f"{d}/requests-job.jsonl") else f"{d}/requests.jsonl"
    calls, weight, r429, r418 = requests(log)
    own = job_stats(read(f"{d}/job.out") + read(f"{d}/job.err"))
    heap = peak_heap_mb(read(f"{d}/job.gc"))
    exit_code = re.search(r"Exit status: (\d+)", time_text)
    return {
        "wall": wall, "calls": calls, "weight": weight, "r429": r429, "r418": r418, "own": own,
        "heap": heap, "rss": rss_mb(time_text), "exit": exit_code.group(1) if exit_code else "?",
        "cpu": cpu_seconds(time_text),
    }


def verdict(ok):
    return "met" if ok else "MISSED"


def main():
    scenario, d = sys.argv[1], sys.argv[2]
    opts = dict(a.split("=", 1) for a in sys.argv[3:])
    print(f"### {scenario}\n")
    if scenario == "startup":
        print(startup(d))
        print()
        return
    if scenario.startswith("seed-large"):
        print(seed_large(d, opts))
        print()
        return
    stats = json.load(open(f"{d}/stats.json"))
    window = stats["window"]
    f = run_figures(d)
    own = f["own"]
    own_text = f"{own[0]} calls, weight {own[1]}, {own[2]} retries, {own[3]} x 429, {own[4]} x 418" if own else "n/a"
    rows = [["figure", "measured", "bound", "ratio", "target"]]
    rows.append(["exit code", f["exit"], "", "", "0"])
    if scenario == "weight-bound":
        budget = float(opts["budget"])
        bound = f["weight"] / budget * 60
        ratio = f["wall"] / bound
        rows.append(["wall time (s)", fmt(f["wall"], 1), f"{fmt(bound, 1)} (weight used / {int(budget)} per min)",
                     fmt(ratio), f"<= {opts['target_wall_ratio']}x: {verdict(ratio <= float(opts['target_wall_ratio']))}"])
        rows.append(["", "", "(the budget counts clock minutes, so a run that starts late in one may beat this)", "", ""])
        rows.append(["calls (simulator log)", f["calls"], "", "", ""])
        minimal = minimal_weight(window)
        rows.append(["weight used", f["weight"], f"{minimal} (minimal plan)", fmt(f["weight"] / minimal), ""])
        rows.append(["HTTP 429 / 418", f"{f['r429']} / {f['r418']}", "", "", f"0: {verdict(f['r429'] + f['r418'] == 0)}"])
    elif scenario == "throughput":
        fills = sum(s["fillsSinceFrom"] + s["lookbackFills"] for s in window["symbols"].values())
        raw = read(f"{d}/raw.out").split()
        raw_seconds = float(raw[0]) if raw else float("nan")
        copy_seconds = float(read(f"{d}/copy.seconds") or "nan")
        bound = raw_seconds + copy_seconds
        ratio = f["wall"] / bound
        rows.append(["wall time (s), -Xmx256m, PostgreSQL", fmt(f["wall"], 1),
                     f"{fmt(bound, 1)} (download {fmt(raw_seconds, 1)} + COPY {fmt(copy_seconds, 1)})", fmt(ratio),
                     f"<= {opts['target_raw_ratio']}x: {verdict(ratio <= float(opts['target_raw_ratio']))}"])
        rows.append(["fills per second, end to end", f"{fills / f['wall']:.0f} ({fills} fills)",
                     f"{fills / bound:.0f}", "", ""])
        rows.append(["calls (simulator log)", f["calls"], f"{raw[1] if raw else 'n/a'} replayed, {raw[2] if raw else 'n/a'} rows", "", ""])
        rows.append(["weight used (klines included)", f["weight"], f"{minimal_weight(window)} (minimal plan, without klines)",
                     fmt(f["weight"] / minimal_weight(window)), ""])
        rows.append(["trade_entries rows", read(f"{d}/rows.count").strip(), "", "", ""])
        rows.append(["klines", (read(f"{d}/klines.said").strip() or "on"), "", "", ""])
        rows.append(["run command", launcher_run(d) or "java -jar", "", "", ""])
        sim_job, sim_replay = read(f"{d}/simulator.cpu").strip(), read(f"{d}/replay.simulator.cpu").strip()
        if sim_job and sim_replay:
            # the simulator shares the two cores: serving the job's requests costs it more than the replay's
            rows.append(["simulator CPU (s): during the job / during the replay", f"{sim_job} / {sim_replay}", "", "", ""])
    rows.append(["peak heap (MB, before a GC)", fmt(f["heap"], 0), "", "", ""])
    rows.append(["peak RSS (MB)", fmt(f["rss"], 0), "", "", ""])
    rows.append(["job's own count", own_text, "", "", ""])
    print(table(rows))
    if f["exit"] != "0":
        failure = [line for line in read(f"{d}/job.err").splitlines() if line.startswith("sync-job:")]
        print(f"\nThe run did not complete: {failure[-1] if failure else 'exit ' + f['exit']}")
    print()


def log_entries(path):
    from datetime import datetime
    entries = []
    for line in open(path):
        entry = json.loads(line)
        entry["t"] = datetime.fromisoformat(entry["time"].replace("Z", "+00:00")).timestamp()
        entries.append(entry)
    return sorted(entries, key=lambda e: e["t"])


def critical_depth(entries):
    """The longest chain of calls that must wait for each other, read from the request log.

    Only what the data forces counts as a dependency: the start (exchangeInfo, server time and
    positionRisk: one round trip, they need nothing from each other); the account's income (its
    first page, then, when there is more than one, the rest in one round of slices); then per
    symbol its fills: a page asked by fromId follows the page before it, and a page of a time
    window continued from its last fill (same endTime) follows the window's previous page, while
    separate windows are independent; after the fills, the symbol's orders (allOrders pages by
    orderId follow each other; Query Order needs only the fills), its klines and its income
    before `from`, side by side.
    """
    income_pages = sum(1 for e in entries if e["path"].endswith("/income") and not e.get("symbol")
                       and e["params"].get("limit") != "1")
    depth_income = 1 if income_pages <= 1 else 2
    symbols = sorted({e["symbol"] for e in entries if e.get("symbol")})
    deepest, deepest_symbol = 0, None
    for symbol in symbols:
        mine = [e for e in entries if e.get("symbol") == symbol]
        trades = [e for e in mine if e["path"].endswith("/userTrades")]
        by_id = sum(1 for e in trades if "fromId" in e["params"])
        windows = {}
        for e in trades:
            if "fromId" not in e["params"]:
                key = e["params"].get("endTime")
                windows[key] = windows.get(key, 0) + 1
        fills = max([by_id] + list(windows.values()))
        orders = sum(1 for e in mine if e["path"].endswith("/allOrders"))
        after = max([orders] + [1 for e in mine if e["path"].endswith(("/order", "/klines", "/income"))])
        depth = fills + after
        if depth > deepest:
            deepest, deepest_symbol = depth, symbol
    return 1 + depth_income + deepest, deepest_symbol, income_pages


def start_second(entries, latency):
    """The second of the minute the run's first request was sent at (the log has when it was answered)."""
    return (entries[0]["t"] - latency) % 60


def budget_bound(weight, limit, start_second):
    """Seconds the weight budget alone imposes: (60 - s) + 60 * (ceil(W / L) - 2) when W > L."""
    if weight <= limit:
        return 0.0
    return (60 - start_second) + 60 * (math.ceil(weight / limit) - 2)


def seed_large_reading(d, window, opts, reading):
    f = run_figures(d)
    entries = log_entries(f"{d}/requests.jsonl")
    latency = float(opts.get("latency_ms", 50)) / 1000
    limit = int(opts.get("weight_limit", 2400))
    start = float(read(f"{d}/job.start") or "nan")
    first, last = (entries[0]["t"], entries[-1]["t"]) if entries else (float("nan"), float("nan"))
    # the log's time is when the exchange answered, after its latency: a call began `latency` before
    startup = first - latency - start
    api = last - first + latency
    depth, deepest_symbol, income_pages = critical_depth(entries)
    chain = depth * latency
    wall = f["wall"]
    rows = [["figure", "measured", "bound", "ratio", "target"]]
    rows.append(["run command", launcher_run(d) or "scripts/sync-job (no archive: as java -jar)", "", "", ""])
    rows.append(["exit code", f["exit"], "", "", "0"])
    if reading == "id":
        target = float(opts["target_wall"])
        rows.append(["wall time (s), JVM start included", fmt(wall, 1), "", "",
                     f"<= {opts['target_wall']} s: {verdict(wall <= target)}"])
    else:
        rows.append(["wall time (s), JVM start included", fmt(wall, 1), "", "", ""])
    rows.append(["start-up (s): JVM start to first request", fmt(startup), "", f"{startup / wall:.0%} of wall", ""])
    rows.append(["API (s): first to last request", fmt(api), f"{fmt(chain)} (critical path: {depth} dependent "
                 f"calls x {latency * 1000:.0f} ms, longest via {deepest_symbol})", fmt(api / chain) if chain else "n/a",
                 ""])
    rows.append(["rest (s): after the last request (reconciliation, report, exit)", fmt(wall - startup - api), "",
                 f"{(wall - startup - api) / wall:.0%} of wall", ""])
    mean, most = in_flight(entries, latency)
    rows.append(["requests in flight over the API time (mean / most, from the log)", f"{fmt(mean, 1)} / {most}",
                 "32 (the client's limit)", "", ""])
    rows.append(["job CPU (s, user + system)", fmt(f["cpu"], 1), f"{2 * wall:.1f} (2 cores x wall)",
                 fmt(f["cpu"] / (2 * wall)), ""])
    sim_cpu = read(f"{d}/simulator.cpu").strip()
    if sim_cpu:
        rows.append(["simulator CPU (s) during the run, on the same cores", sim_cpu, "", "", ""])
    klines_said = "off (--sync.excursions=false --sync.value-other-fees=false)" if "--sync.excursions=false" in read(
        f"{d}/job.err") else "on (the default: excursions and fee valuation)"
    rows.append(["klines", klines_said, "", "", ""])
    rows.append(["calls (simulator log)", f["calls"], f"{income_pages} account income pages", "", ""])
    minimal = window["idPagingWeight"] if reading == "id" else window["timeWindowWeight"]
    plan = "idPagingWeight" if reading == "id" else "timeWindowWeight"
    target_ratio = float(opts["target_ratio_id"] if reading == "id" else opts["target_ratio_time"])
    # klines (excursions, fee valuation) have their own minimal plan: compared apart
    klines_calls = sum(1 for e in entries if e["path"].endswith("/klines"))
    klines_weight = sum(e["weight"] for e in entries if e["path"].endswith("/klines"))
    history = f["weight"] - klines_weight
    ratio = history / minimal
    rows.append(["weight used (all)", f["weight"], "", "", ""])
    rows.append(["weight used, fills, orders, income, positions", history, f"{minimal} (minimal plan, {plan})",
                 fmt(ratio), f"<= {target_ratio}x: {verdict(ratio <= target_ratio)}"])
    if "klinesWeight" in window:
        klines_plan = window["klinesWeight"]
        klines_ratio = klines_weight / klines_plan if klines_plan else float("nan")
        rows.append(["weight used, klines (excursions, fee valuation)", f"{klines_weight} ({klines_calls} calls)",
                     f"{klines_plan} (minimal plan, klinesWeight)", fmt(klines_ratio),
                     f"<= 1.1x: {verdict(klines_ratio <= 1.1)}" if klines_plan else ""])
    if reading == "time":
        second = start_second(entries, latency)
        for label, weight in (("minimal plan", minimal), ("weight used", f["weight"])):
            bound = budget_bound(weight, limit, second)
            if bound > 0:
                ok = wall <= 1.15 * bound + 3
                rows.append([f"budget bound (s), W = {label} {weight}", "",
                             f"{fmt(bound, 1)} ((60 - {second:.0f}) + 60 x (ceil({weight} / {limit}) - 2))",
                             fmt(wall / bound),
                             f"wall <= 1.15 x bound + 3 s = {fmt(1.15 * bound + 3, 1)}: {verdict(ok)}"])
            else:
                rows.append([f"budget bound (s), W = {label} {weight}", "", f"none: W <= {limit} per minute", "",
                             ""])
    own = f["own"]
    own_text = f"{own[0]} calls, weight {own[1]}, {own[2]} retries, {own[3]} x 429, {own[4]} x 418" if own else "n/a"
    rows.append(["peak heap (MB, before a GC)", fmt(f["heap"], 0), "", "", ""])
    rows.append(["peak RSS (MB)", fmt(f["rss"], 0), "", "", ""])
    rows.append(["job's own count", own_text, "", "", ""])
    text = table(rows)
    if f["exit"] != "0":
        failure = [line for line in read(f"{d}/job.err").splitlines() if line.startswith("sync-job:")]
        text += f"\n\nThe run did not complete: {failure[-1] if failure else 'exit ' + f['exit']}"
    return text


def seed_large(d, opts):
    parts = []
    for days, reading, title in (("0", "id", "id-only paging reaches all retention (`--id-paging-days 0`)"),
                                 ("7", "time", "id-only paging reaches 7 days: time windows (`--id-paging-days 7`)")):
        runs = sorted((r for r in glob.glob(f"{d}/id-{days}-*") if os.path.exists(f"{r}/stats.json")),
                      key=lambda r: int(r.rsplit("-", 1)[1]))
        if not runs:
            continue
        walls = [run_figures(r)["wall"] for r in runs]
        # the median run by wall time (the lower middle one for an even count) stands for the reading
        median = sorted(zip(walls, runs))[(len(runs) - 1) // 2][1]
        window = json.load(open(f"{median}/stats.json"))["window"]
        text = f"#### {title}\n\n" + seed_large_reading(median, window, opts, reading)
        if len(runs) > 1:
            text += (f"\n\n{len(runs)} runs, wall time (s) in run order: "
                     + ", ".join(fmt(w, 1) for w in walls)
                     + f"; median {fmt(statistics.median(walls), 2)}; the table shows run "
                     + median.rsplit("-", 1)[1] + " (the median run)")
            if reading == "time":
                met = [time_reading_met(r, opts) for r in runs]
                text += f". Each run against its own budget bound (the second it started at): met in {sum(met)} of {len(runs)}"
            text += "."
        parts.append(text)
    parts.append("Start-up: from the JVM's start to the first request the exchange saw; API: from the first "
                 "request to the last (the exchange logs a request when it answers, after its latency); the "
                 "critical path is the latency times the longest chain of calls that must wait for each other, "
                 "read from the request log (see scripts/bench-report.py, critical_depth). The budget bound is "
                 "what a budget of L weight per clock minute alone imposes on W weight when the run starts at "
                 "second s of a minute. The simulator runs on the same cores as the job (C1 only, serial GC, "
                 "so that its JIT takes little of them); Binance's own CPU is not on this machine.")
    return "\n\n".join(parts)


def time_reading_met(run, opts):
    """Whether a time-windows run met wall <= 1.15 x its budget bound (minimal plan) + 3 s."""
    f = run_figures(run)
    entries = log_entries(f"{run}/requests.jsonl")
    window = json.load(open(f"{run}/stats.json"))["window"]
    latency = float(opts.get("latency_ms", 50)) / 1000
    bound = budget_bound(window["timeWindowWeight"], int(opts.get("weight_limit", 2400)), start_second(entries, latency))
    # no bound (W within one minute's budget): the target does not apply
    return f["exit"] == "0" and (bound <= 0 or f["wall"] <= 1.15 * bound + 3)


def parse_days(window):
    from datetime import datetime
    start = datetime.fromisoformat(window["from"].replace("Z", "+00:00"))
    end = datetime.fromisoformat(window["to"].replace("Z", "+00:00"))
    return (end - start).total_seconds() / 86400


def runs_of(d, label):
    """Each line of LABEL.runs: wall seconds, peak RSS KB, user and system CPU seconds, exit code, load."""
    path = f"{d}/{label}.runs"
    if not os.path.exists(path):
        return []
    return [line.split() for line in open(path) if len(line.split()) == 6]


def median_run(runs):
    return {
        "wall": statistics.median(float(r[0]) for r in runs),
        "rss": statistics.median(int(r[1]) / 1024 for r in runs),
        "cpu": statistics.median(float(r[2]) + float(r[3]) for r in runs),
        "exits": sorted({r[4] for r in runs}),
    }


def launch_kind(d, jdk):
    """What scripts/sync-job ran on that JDK, from its SYNC_JOB_LAUNCH_TRACE line."""
    return describe_launch(read(f"{d}/java{jdk}.launch"), "no archive: plain jar")


def launcher_run(d):
    """How scripts/sync-job launched the run's job (its launch trace in job.err), or None for java -jar."""
    launch = re.search(r"^sync-job launch: (.*)$", read(f"{d}/job.err"), flags=re.M)
    return f"scripts/sync-job ({describe_launch(launch.group(1), 'no archive: as java -jar')})" if launch else None


def describe_launch(launch, without_archive):
    """The archive and the generated context a scripts/sync-job java command line used."""
    context = ", generated context" if "-Dspring.aot.enabled=true" in launch else ""
    if "-XX:AOTCache=" in launch:
        return "AOT cache" + context
    if "-XX:SharedArchiveFile=" in launch:
        return "CDS archive" + context
    return without_archive + context


def startup(d):
    loads = []
    rows = [["run (median of 5, interleaved)", "JDK", "command", "wall (s)", "CPU (s)", "RSS (MB)", "speed-up"]]
    for run, name in (("help", "--help"), ("idle", "nothing to do (account synced up to `to`)")):
        for jdk in ("default", "25"):
            version = re.search(r'"([^"]+)"', read(f"{d}/java{jdk}.version"))
            if not version:
                continue
            plain = runs_of(d, f"{run}-plain-{jdk}")
            if not plain:
                continue
            base = median_run(plain)
            kind = launch_kind(d, jdk)
            for how, command in (("plain", "java -jar target/sync-job.jar"),
                                 ("c2", f"scripts/sync-job ({kind}, C2 on: `JAVA_OPTS=-XX:TieredStopAtLevel=4`)"),
                                 ("launcher", f"scripts/sync-job ({kind}, C1 only)")):
                runs = runs_of(d, f"{run}-{how}-{jdk}")
                if not runs:
                    continue
                loads += [float(r[5]) for r in runs]
                m = median_run(runs)
                exits = "" if m["exits"] == ["0"] else f" (exit {'/'.join(m['exits'])})"
                speed = "" if how == "plain" else f"{base['wall'] / m['wall']:.2f}x"
                rows.append([name, version.group(1), command + exits, fmt(m["wall"]), fmt(m["cpu"], 1),
                             fmt(m["rss"], 0), speed])
    load = f"{min(loads):.2f} to {max(loads):.2f}" if loads else "n/a"
    return (table(rows) + "\n\nspeed-up: wall time of `java -jar` over that of `scripts/sync-job` on the same JDK, "
            "the runs interleaved. scripts/sync-job runs `target/app/sync-job.jar` (the jar extracted by "
            "`mvn package`) with the archive `mvn package` made for that JDK from one `--demo` training run: "
            "`-XX:SharedArchiveFile` (CDS) on Java 17, `-XX:AOTCache` on Java 24+, and compiles with C1 only "
            "(`-XX:TieredStopAtLevel=1`); \"generated context\": with the application context `mvn package` "
            "generated ahead of time (`-Dspring.aot.enabled=true`). CPU: user + system time of "
            f"the process, all threads. 1-minute load average before each run: {load}.")


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Throughput and p95 latency of the public pages under gunicorn, as ratios to plain Django.

    .venv/bin/python bench/pages.py [--duration 3] [--rounds 4] [--connections 8] [--help]

In one run: prepare a PostgreSQL database (migrate, load_demo, collectstatic), start two
gunicorn servers with production settings (bench/settings.py) -- one with the anonymous page
cache off, one with it on over Redis -- and load each URL with wrk. Rounds interleave all
URLs of both servers, so that the noise of a shared machine falls on them alike; each figure
is the median over the rounds, and each ratio the median of the ratios within a round.
Goals (figures are compared, never asserted):

  * uncached page req/s >= 0.5 x the plain view (/bench/plain/: base template, one query)
  * cached page req/s   >= 0.6 x a "hello" view (/bench/hello/) on the server without the cache

Exit status: 0 whatever the figures; 1 on an error (wrk missing, a server that does not
start, a URL that is not 200 or fails under load, a cached server that serves no page from
its cache); 130 when interrupted. A page that the cache does not store is a WARNING.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/heart_bench) and
BENCH_REDIS_URL (default redis://127.0.0.1:6379/5; FLUSHED at start). They are separate from
DATABASE_URL and REDIS_URL on purpose: the benchmark writes demo content into its database
and empties its Redis database, which must never be the ones you work with.
"""

import argparse
import contextlib
import http.client
import io
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
LUA_SCRIPT = BENCH_DIR / "report.lua"
SETTINGS_MODULE = "bench.settings"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/heart_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/5"
LANGUAGE = "sv"
GOAL_UNCACHED = 0.5  # uncached page / plain view
GOAL_CACHED = 0.6  # cached page / hello view
# Settings the environment could change behind the benchmark's back; the servers get ours.
SCRUBBED_ENV = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_REDIS_URL",
    "CACHE_KEY_PREFIX",
    "CELERY_BROKER_URL",
    "CONN_MAX_AGE",
    "HEART_PLUGINS",
    "HEART_PAGE_CACHE_SECONDS",
    "DEBUG",
    "STATIC_ROOT",
)


class BenchError(Exception):
    """Something that makes the figures meaningless; reported, exit status 1."""


@dataclass
class Target:
    label: str
    path: str
    queries: int | None = None


@dataclass
class Server:
    name: str  # "uncached" or "cached"
    cache_seconds: int
    port: int = 0
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    not_cached: set = field(default_factory=set)  # pages the page cache did not serve

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


@dataclass
class Sample:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    socket_errors: int
    cpu_ms: float | None = None  # CPU of the gunicorn workers per request (None: not measured)

    @property
    def rps(self):
        return self.requests / self.seconds


@dataclass
class Result:
    server: str
    target: Target
    samples: list = field(default_factory=list)

    @property
    def rps(self):
        return statistics.median(s.rps for s in self.samples)

    @property
    def p95_ms(self):
        return statistics.median(s.p95_ms for s in self.samples)

    @property
    def cpu_ms(self):
        values = [s.cpu_ms for s in self.samples]
        return None if None in values else statistics.median(values)

    @property
    def spread(self):
        """Range of req/s over the rounds, relative to the median: how noisy this figure is."""
        values = [s.rps for s in self.samples]
        return (max(values) - min(values)) / statistics.median(values)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds of load per URL and round [3]")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds; figures are medians [4]")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of unmeasured load per URL [1]")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections [8]")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads [1]")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers per server [2]")
    parser.add_argument(
        "--skip-setup", action="store_true", help="reuse the database as it is (no migrate/load_demo/static)"
    )
    args = parser.parse_args()
    for name in ("duration", "rounds", "connections", "threads", "workers"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must not be negative")
    if args.connections < args.threads:
        parser.error("--connections must be at least --threads (a wrk rule)")
    return args


# ------------------------------------------------------------------------------ setup


def require_wrk():
    wrk = shutil.which("wrk")
    if wrk is None:
        raise BenchError(
            "wrk is not installed; the benchmark needs it (Debian/Ubuntu: apt-get install -y wrk)."
        )
    return wrk


def ensure_database(url, setting="BENCH_DATABASE_URL"):
    """Create the benchmark database unless it exists (connecting to the server's `postgres`)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        raise BenchError(f"{setting} names no database: {url}")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    try:
        with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Created database {name}.")
            return conn.execute("SHOW server_version").fetchone()[0]
    except psycopg.OperationalError as error:
        raise BenchError(f"PostgreSQL is not reachable at {maintenance}: {error}") from error


def flush_redis(url):
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.flushdb()
        return client.info("server")["redis_version"]
    except redis.RedisError as error:
        raise BenchError(f"Redis is not reachable at {url}: {error}") from error


def server_env(database_url, redis_url, secret_key, cache_seconds, key_prefix):
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=key_prefix,
        SECRET_KEY=secret_key,
        HEART_PAGE_CACHE_SECONDS=str(cache_seconds),
        LOG_LEVEL="WARNING",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def setup_django(env, skip_setup, *, collectstatic=True):
    """Django in this process with ``env``: migrate and load the demo site (and collect static
    files for the servers). Both benchmarks prepare their database this way."""
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    if skip_setup:
        return
    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    first = output.getvalue().splitlines()[0] if output.getvalue() else ""
    steps = "migrate, load_demo"
    if collectstatic:
        call_command("collectstatic", interactive=False, verbosity=0)
        steps += ", collectstatic"
    print(f"Database ready: {steps} ({first.strip()}) in {time.monotonic() - started:.0f} s.")


def resolve_targets():
    from wagtail.models import Locale

    from heart_site.core.models import HomePage
    from heart_site.news.models import NewsIndexPage, NewsPage

    locale = Locale.objects.get(language_code=LANGUAGE)
    home = HomePage.objects.live().filter(locale=locale).first()
    index = NewsIndexPage.objects.live().filter(locale=locale).first()
    news = NewsPage.objects.live().filter(locale=locale).order_by("-date", "-pk").first()
    if not (home and index and news):
        raise BenchError("The demo content is missing (home, news index or a news page in Swedish).")
    return [
        Target("home", home.get_url()),
        Target("news index", index.get_url()),
        Target("news page", news.get_url()),
        Target("plain view", "/bench/plain/"),
        Target("hello view", "/bench/hello/"),
    ]


def count_queries(targets):
    """Queries per request, through the whole middleware stack (Django's test client, page
    cache off), measured on the second request so that per-process caches are warm."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    for target in targets:
        client.get(target.path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(target.path)
        if response.status_code != 200:
            raise BenchError(f"{target.path} answered {response.status_code} to Django's test client.")
        target.queries = len(captured.captured_queries)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(server, env, workers, log_dir):
    server.port = free_port()
    server.log_path = log_dir / f"gunicorn-{server.name}.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "heart_site.wsgi:application",
        "--chdir",
        str(ROOT),
        "--bind",
        f"127.0.0.1:{server.port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--timeout",
        "30",
        "--worker-tmp-dir",
        "/dev/shm" if Path("/dev/shm").is_dir() else str(log_dir),
        "--no-control-socket",
        "--error-logfile",
        str(server.log_path),
        "--log-level",
        "warning",
        # No --access-logfile: gunicorn writes no access log by default.
    ]
    # A new session: Ctrl-C reaches only this script, which then stops the servers itself.
    server.process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, start_new_session=True
    )


def wait_until_ready(server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(f"gunicorn ({server.name}) exited at start:\n{log_tail(server)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if get(server, "/bench/hello/")[0] == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"gunicorn ({server.name}) did not answer within {timeout} s:\n{log_tail(server)}")


def log_tail(server, lines=30):
    try:
        return "\n".join(server.log_path.read_text().splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop_server(server):
    process = server.process
    if process is None or process.poll() is not None:
        return
    process.terminate()  # SIGTERM to the master: it stops its workers, then exits
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # its own session: master and workers
        process.wait(timeout=5)


def get(server, path):
    """GET without a cookie or redirect-following: (status, X-Heart-Cache header)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("X-Heart-Cache")
    finally:
        conn.close()


def check_answers(server, targets):
    """Every URL answers 200 (else BenchError); returns each path's X-Heart-Cache header."""
    headers = {}
    for target in targets:
        status, headers[target.path] = get(server, target.path)
        if status != 200:
            raise BenchError(f"{server.url(target.path)} answered {status}, not 200:\n{log_tail(server)}")
    return headers


def check_cache(server, targets):
    """Nothing goes through the page cache when it is off; when it is on, the reference views
    never do and the pages should be hits. A page that is not is a finding about the site, not
    a failure of the benchmark: it is remembered and reported. No hit at all is a failure."""
    headers = check_answers(server, targets)
    for target in targets:
        is_page = not target.path.startswith("/bench/")
        header = headers[target.path]
        if (not server.cache_seconds or not is_page) and header is not None:
            raise BenchError(
                f"{server.url(target.path)} went through the page cache (X-Heart-Cache: {header})."
            )
        if server.cache_seconds and is_page and header != "hit":
            server.not_cached.add(target.path)
    pages = [t for t in targets if not t.path.startswith("/bench/")]
    if server.cache_seconds and all(t.path in server.not_cached for t in pages):
        raise BenchError(f"The {server.name} server served no page from the page cache; is Redis up?")


# ------------------------------------------------------------------------------ load


WRK_LINE = re.compile(r"^BENCH (.*)$", re.MULTILINE)


def run_wrk(wrk, url, seconds, args):
    command = [
        wrk,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(LUA_SCRIPT),
        url,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30)
    match = WRK_LINE.search(completed.stdout)
    if completed.returncode != 0 or match is None:
        raise BenchError(f"wrk failed on {url}:\n{completed.stdout}{completed.stderr}")
    fields = {key: float(value) for key, value in (item.split("=") for item in match.group(1).split())}
    if fields["status"]:
        raise BenchError(
            f"{url}: {fields['status']:.0f} of {fields['requests']:.0f} responses were not 2xx/3xx."
        )
    if not fields["requests"]:
        raise BenchError(f"{url}: no request completed in {seconds} s.")
    return Sample(
        requests=int(fields["requests"]),
        seconds=fields["duration_us"] / 1e6,
        p50_ms=fields["p50_us"] / 1000,
        p95_ms=fields["p95_us"] / 1000,
        socket_errors=int(sum(fields[k] for k in ("connect", "read", "write", "timeout"))),
    )


CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def worker_pids(server):
    """The gunicorn master's children: its workers (Linux /proc; [] elsewhere)."""
    master = server.process.pid
    try:
        return [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return []


def cpu_seconds(pids):
    """User + system CPU seconds each process has used so far, from /proc/<pid>/stat."""
    times = {}
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # fields from the 3rd on; utime, stime are 14, 15
        times[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return times


def measure_one(wrk, server, target, args):
    """One wrk run, plus the CPU time the server's workers spent on it: unlike req/s, CPU per
    request hardly changes when other programs take the machine's cores for a while."""
    pids = worker_pids(server)
    before = cpu_seconds(pids)
    sample = run_wrk(wrk, server.url(target.path), args.duration, args)
    after = cpu_seconds(pids)
    if len(pids) == args.workers and before.keys() == after.keys() == set(pids):
        sample.cpu_ms = sum(after[pid] - before[pid] for pid in pids) * 1000 / sample.requests
    return sample


def measure(wrk, servers, targets, args):
    """Warm every URL up, then run the rounds; odd rounds go in reverse order."""
    plan = [(server, target) for server in servers for target in targets]
    results = {(s.name, t.path): Result(s.name, t) for s, t in plan}
    if args.warmup:
        for server, target in plan:
            run_wrk(wrk, server.url(target.path), args.warmup, args)
    for server in servers:
        check_cache(server, targets)
    for round_number in range(args.rounds):
        order = plan if round_number % 2 == 0 else plan[::-1]
        for server, target in order:
            results[server.name, target.path].samples.append(measure_one(wrk, server, target, args))
        print(f"  round {round_number + 1}/{args.rounds} done", flush=True)
    # The cached pages must still be hits after the load (no eviction, no generation bump).
    for server in servers:
        check_cache(server, targets)
    return results


# ------------------------------------------------------------------------------ report


def cpu_model():
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def wrk_version(wrk):
    completed = subprocess.run([wrk, "-v"], capture_output=True, text=True)
    lines = (completed.stdout + completed.stderr).strip().splitlines()
    return lines[0] if lines else "wrk"


def print_machine(args, wrk, pg_version, redis_version, database_url, redis_url):
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("django", "wagtail", "gunicorn"))
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Date:        {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"Machine:     {cpu_model()}; nproc {affinity} (cpu_count {os.cpu_count()}); load {load}")
    print(
        f"Software:    Python {platform.python_version()}, {versions}, "
        f"PostgreSQL {pg_version}, Redis {redis_version}"
    )
    print(
        f"Servers:     two gunicorns, {args.workers} sync workers each, no access log, bench.settings "
        f'(production hardening): "uncached"\n             HEART_PAGE_CACHE_SECONDS=0 and "cached" '
        f"300; both with the Redis cache {redact(redis_url)}\n             and {redact(database_url)}"
    )
    print(
        f"Load:        {wrk_version(wrk)}; -t{args.threads} -c{args.connections}, {args.rounds} rounds x "
        f"{args.duration} s per URL (+{args.warmup} s warm-up), figures are medians over the rounds"
    )


def redact(url):
    """The URL without its password, if any."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def mark(ratio, goal):
    return "PASS" if ratio >= goal else "BELOW"


def fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def print_report(results, servers, targets):
    width = max(len(t.path) for t in targets)
    print()
    header = (
        f"{'URL':<{width}}  {'config':<8} {'queries':>8} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'cpu ms':>7} {'spread':>6} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for server in servers:
        for target in targets:
            result = results[server.name, target.path]
            cached_page = server.cache_seconds > 0 and not target.path.startswith("/bench/")
            if cached_page and target.path in server.not_cached:
                queries = f"{target.queries} MISS"
            else:
                queries = "0 (hit)" if cached_page else str(target.queries)
            p50 = statistics.median(s.p50_ms for s in result.samples)
            errors = sum(s.socket_errors for s in result.samples)
            print(
                f"{target.path:<{width}}  {server.name:<8} {queries:>8} {result.rps:>8.1f} {p50:>7.1f} "
                f"{result.p95_ms:>7.1f} {fmt(result.cpu_ms, '7.2f'):>7} {result.spread:>6.0%} {errors:>6}"
            )
    print(
        "queries: per request, counted with Django's test client and the page cache off; cpu ms: CPU "
        "time of the\ngunicorn workers per request (PostgreSQL's and Redis's own CPU not included); "
        "spread: (max - min) / median\nof req/s over the rounds; errors: wrk socket errors."
    )
    for server in servers:
        for path in sorted(server.not_cached):
            print(
                f"WARNING: {path} is not served from the page cache on the {server.name} server "
                "(no X-Heart-Cache: hit after warm-up): its figures there are of uncached renders."
            )
    print()

    server_by_name = {server.name: server for server in servers}

    def ratios(server_name, reference_server, reference, goal, title):
        base = results[reference_server, reference.path]
        print(f"{title} (goal: req/s ratio >= {goal:.1f})")
        print(
            f"  {'page':<11} {'URL':<{width}}  {'req/s':>5} {'':<5} {'(range)':<11}  {'p95':>5}  {'cpu':>5}"
        )
        for target in targets[:3]:
            page = results[server_name, target.path]
            # Ratios of samples taken minutes apart would carry the machine's drift; within a
            # round the two were measured close together. Median over the rounds, and range.
            pairs = list(zip(page.samples, base.samples, strict=True))
            rps = [p.rps / b.rps for p, b in pairs]
            p95 = statistics.median(b.p95_ms / p.p95_ms for p, b in pairs)
            cpu = None
            if all(p.cpu_ms and b.cpu_ms for p, b in pairs):
                cpu = statistics.median(b.cpu_ms / p.cpu_ms for p, b in pairs)
            rps_ratio = statistics.median(rps)
            note = "  (not from the cache)" if target.path in server_by_name[server_name].not_cached else ""
            print(
                f"  {target.label:<11} {target.path:<{width}}  {rps_ratio:5.2f} {mark(rps_ratio, goal):<5} "
                f"({min(rps):4.2f}-{max(rps):4.2f})  {p95:5.2f}  {fmt(cpu, '5.2f'):>5}{note}"
            )

    by_label = {t.label: t for t in targets}
    plain, hello = by_label["plain view"], by_label["hello view"]
    ratios("uncached", "uncached", plain, GOAL_UNCACHED, "Uncached pages vs the plain view")
    # The reference is plain Django: hello on the server without the page cache. On the cached
    # server hello is slower (the cache middleware reads Redis twice for a response it cannot
    # store), which would flatter the cached pages.
    ratios(
        "cached",
        "uncached",
        hello,
        GOAL_CACHED,
        "Cached pages vs the hello view on the server without the cache",
    )
    print(
        "Ratios are medians of the ratios within each round (range: lowest-highest); req/s: page/reference, "
        "p95: reference/page,\ncpu: reference/page worker CPU per request -- above 1 means the page is the "
        "faster one in each."
    )
    hello_off, hello_on = results["uncached", hello.path], results["cached", hello.path]
    print(
        f"Hello view: {hello_off.rps:.1f} req/s with the page cache off, {hello_on.rps:.1f} with it on "
        f"({hello_on.rps / hello_off.rps:.2f}x; cpu {fmt(hello_off.cpu_ms, '.2f')} vs "
        f"{fmt(hello_on.cpu_ms, '.2f')} ms): what the page cache's\nRedis reads cost a cookie-less GET "
        "that it does not answer from the cache."
    )


# ------------------------------------------------------------------------------ main


def main():
    args = parse_args()
    wrk = require_wrk()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    secret_key = f"bench-{secrets.token_urlsafe(48)}"
    servers = [Server("uncached", 0), Server("cached", 300)]
    envs = {
        s.name: server_env(database_url, redis_url, secret_key, s.cache_seconds, f"heart-bench-{s.name}")
        for s in servers
    }

    pg_version = ensure_database(database_url)
    setup_django(envs["uncached"], args.skip_setup)
    targets = resolve_targets()
    count_queries(targets)
    redis_version = flush_redis(redis_url)

    print_machine(args, wrk, pg_version, redis_version, database_url, redis_url)
    with tempfile.TemporaryDirectory(prefix="heart-bench-") as log_dir:
        try:
            for server in servers:
                start_server(server, envs[server.name], args.workers, Path(log_dir))
            for server in servers:
                wait_until_ready(server)
                check_answers(server, targets)
            started = time.monotonic()
            results = measure(wrk, servers, targets, args)
            print(f"  measured in {time.monotonic() - started:.0f} s")
        finally:
            for server in servers:
                stop_server(server)
    print_report(results, servers, targets)
    return 0


def _terminate(signum, frame):
    raise SystemExit(128 + signum)


def run(main, *, name, interrupted):
    """Exit codes every benchmark shares: 0 whatever the figures, 1 on an error, 130 on Ctrl-C."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"\n{name}: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print(f"\nInterrupted; {interrupted}", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    run(main, name="bench/pages.py", interrupted="the servers were stopped.")

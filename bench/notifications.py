#!/usr/bin/env python
"""Digest delivery through the outbox to a local SMTP server, as a ratio to a plain smtplib loop.

    .venv/bin/python bench/notifications.py [--subscribers 10000] [--rounds 2] [--help]

In one run: prepare a PostgreSQL database (migrate, load_demo), start an SMTP sink (aiosmtpd in
a process of its own, bench/smtp_sink.py) on loopback, create the subscribers and

  1. build: queue one digest per subscriber with digest_queue_due() (reported, not compared);
  2. send: deliver them with outbox_send_due()'s loop of outbox_send_batch() -- the service
     the Celery task calls -- and Django's SMTP backend, with NOTIFICATIONS_BATCH_SIZE 100
     (the default) and 500; a round stops before a batch that would end after --max-seconds;
  3. baseline: send the very same messages, built into bytes beforehand by the outbox's own
     code path, with a plain smtplib.SMTP.sendmail() loop over one connection.

Rounds alternate the senders (odd rounds in reverse order) and put the outbox rows back to
queued with one UPDATE in between; each figure is the median over the rounds, each ratio the
median of the ratios within a round. Every round is verified: the sink got each message the
sender sent exactly once, with the outbox's Message-IDs, and exactly those rows are sent.
Goal (compared, never asserted):

  * outbox msg/s >= 0.8 x the plain smtplib loop, at the default batch size

Exit status: 0 whatever the figures; 1 on an error (PostgreSQL unreachable, the sink does
not start, a message not delivered or delivered twice); 130 when interrupted.

Environment: BENCH_MAIL_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/heart_bench_mail).
It is not DATABASE_URL on purpose: the benchmark deletes every subscription and outbox
message in its database, which must never be one you work with.
"""

import argparse
import contextlib
import cProfile
import io
import os
import platform
import pstats
import secrets
import select
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import timedelta
from importlib import metadata
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from bench.pages import (  # noqa: E402
    BenchError,
    cpu_model,
    cpu_seconds,
    ensure_database,
    free_port,
    redact,
    run,
    setup_django,
)

SETTINGS_MODULE = "bench.mail_settings"
SINK_SCRIPT = BENCH_DIR / "smtp_sink.py"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/heart_bench_mail"
GOAL = 0.8  # outbox msg/s / plain smtplib loop msg/s
DEFAULT_BATCH_SIZE = 100  # NOTIFICATIONS_BATCH_SIZE's default; the goal is about this one
# Subscribers cycle through these (Swedish source theme slugs; empty = everything). Each
# choice matches some demo news, so every subscriber gets a digest.
THEME_CHOICES = (
    (),
    ("equal-treatment",),
    (),
    ("csr", "social-responsibility"),
    ("accessibility", "disability"),
    ("anti-discrimination",),
)
# Settings the environment could change behind the benchmark's back.
SCRUBBED_ENV = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_REDIS_URL",
    "CELERY_BROKER_URL",
    "CONN_MAX_AGE",
    "HEART_PLUGINS",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
    "REPLY_TO_EMAIL",
    "WAGTAILADMIN_BASE_URL",
    "NOTIFICATIONS_BATCH_SIZE",
    "NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS",
    "DEBUG",
    "LOG_LEVEL",
)


@dataclass
class Sample:
    messages: int
    seconds: float
    sender_cpu: float  # seconds of this process's CPU
    db_cpu: float | None = None  # seconds of our PostgreSQL backend's CPU (None: not readable)
    sink_cpu: float | None = None  # seconds of the sink's CPU

    @property
    def rate(self):
        return self.messages / self.seconds

    def per_message_us(self, seconds):
        return None if seconds is None else seconds * 1e6 / self.messages

    @property
    def total_cpu(self):
        """CPU seconds of everything we can see: sender, its database backend, sink."""
        return self.sender_cpu + (self.db_cpu or 0) + (self.sink_cpu or 0)


@dataclass
class Mode:
    label: str
    batch_size: int | None = None  # None: the plain smtplib loop
    samples: list = field(default_factory=list)

    def median(self, key):
        values = [key(s) for s in self.samples]
        return None if None in values else statistics.median(values)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--subscribers", type=int, default=10_000, help="subscribers, one digest each [10000]"
    )
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds; figures are medians [2]")
    parser.add_argument(
        "--batch-sizes",
        type=int,
        nargs="+",
        default=[DEFAULT_BATCH_SIZE, 500],
        metavar="N",
        help=f"NOTIFICATIONS_BATCH_SIZE values to send with [{DEFAULT_BATCH_SIZE} 500]",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=30,
        metavar="S",
        help="time limit of one outbox round; it stops before a batch that would end after it [30]",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="after the rounds, cProfile one outbox_send_batch() of N messages and print the top [0: off]",
    )
    parser.add_argument(
        "--skip-setup", action="store_true", help="reuse the database as it is (no migrate/load_demo)"
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="leave the subscriptions and outbox rows in the database at the end",
    )
    args = parser.parse_args()
    for name in ("subscribers", "rounds"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if min(args.batch_sizes) < 1:
        parser.error("--batch-sizes must be at least 1")
    if args.max_seconds <= 0:
        parser.error("--max-seconds must be positive")
    if args.profile < 0:
        parser.error("--profile must not be negative")
    args.batch_sizes = list(dict.fromkeys(args.batch_sizes))
    return args


# ------------------------------------------------------------------------------ setup


class Sink:
    """bench/smtp_sink.py in its own process (and session: Ctrl-C reaches only this script)."""

    def __init__(self):
        self.port = 0
        self.process = None
        self.log_path = None

    def start(self, log_dir):
        self.port = free_port()
        self.log_path = log_dir / "smtp-sink.log"
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(SINK_SCRIPT), str(self.port)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                start_new_session=True,
            )
        if self.read_line(timeout=30) != "ready":
            raise BenchError(f"The SMTP sink did not start:\n{self.log_tail()}")

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def read_line(self, timeout=30):
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            raise BenchError(
                f"The SMTP sink does not answer (exit status {self.process.poll()}):\n{self.log_tail()}"
            )
        return line.strip()

    def command(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.read_line()

    def reset(self):
        if self.command("reset") != "ok":
            raise BenchError("The SMTP sink did not reset its counters.")

    def stats(self):
        answer = self.command("stats")
        fields = dict(item.split("=", 1) for item in answer.split())
        return {key: value if key == "digest" else int(value) for key, value in fields.items()}

    def cpu(self):
        return cpu_seconds([self.process.pid]).get(self.process.pid)

    def log_tail(self, lines=30):
        try:
            return "\n".join(self.log_path.read_text().splitlines()[-lines:]) or "(empty log)"
        except OSError:
            return "(no log)"

    def stop(self):
        process = self.process
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(OSError):
            process.stdin.close()  # the end of its input: it stops its server and exits
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def bench_env(database_url, sink):
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=database_url,
        EMAIL_URL=sink.url,
        SECRET_KEY=f"bench-{secrets.token_urlsafe(48)}",
        CELERY_BROKER_URL="memory://",  # nothing is enqueued: digests do not wake the sender
        LOG_LEVEL="WARNING",
    )
    return env


def database_info():
    """(PostgreSQL backend pid of our connection, its synchronous_commit setting)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid(), current_setting('synchronous_commit')")
        return cursor.fetchone()


def clear_tables():
    """Every subscription and outbox message of the benchmark's database, gone."""
    from django.db import connection

    from heart_site.notifications.models import OutboxMessage, Subscription

    tables = [
        OutboxMessage._meta.db_table,
        Subscription.themes.through._meta.db_table,
        Subscription._meta.db_table,
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(connection.ops.quote_name(t) for t in tables)} RESTART IDENTITY")


def create_subscribers(count):
    """Confirmed subscribers in both languages and with several theme choices, whose last
    digest covered everything until the day before the first demo news was published."""
    from heart_site.core.models import Theme
    from heart_site.news.models import NewsPage
    from heart_site.notifications.models import Subscription

    first = NewsPage.objects.live().public().order_by("first_published_at").first()
    if first is None or first.first_published_at is None:
        raise BenchError("No live news page in the database: run without --skip-setup (load_demo).")
    since = first.first_published_at - timedelta(days=1)
    slugs = {slug for choice in THEME_CHOICES for slug in choice}
    themes = {t.slug: t for t in Theme.objects.filter(locale__language_code="sv", slug__in=slugs)}
    if missing := slugs - set(themes):
        raise BenchError(f"Themes missing: {', '.join(sorted(missing))}; run without --skip-setup (migrate).")

    clear_tables()
    started = time.perf_counter()
    subscriptions = Subscription.objects.bulk_create(
        [
            Subscription(
                email=f"subscriber-{i:05d}@bench.example",
                language="sv" if i % 5 < 3 else "en",
                frequency=Subscription.Frequency.MONTHLY if i % 4 == 3 else Subscription.Frequency.WEEKLY,
                confirmed_at=since,
                last_digest_until=since,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    through = Subscription.themes.through
    through.objects.bulk_create(
        [
            through(subscription_id=subscription.pk, theme_id=themes[slug].pk)
            for i, subscription in enumerate(subscriptions)
            for slug in THEME_CHOICES[i % len(THEME_CHOICES)]
        ],
        batch_size=5000,
    )
    swedish = sum(1 for s in subscriptions if s.language == "sv")
    monthly = sum(1 for s in subscriptions if s.frequency == Subscription.Frequency.MONTHLY)
    news = NewsPage.objects.live().public().count()
    print(
        f"Subscribers: {count:,} confirmed (sv {swedish:,}, en {count - swedish:,}; "
        f"weekly {count - monthly:,}, "
        f"monthly {monthly:,}; {len(THEME_CHOICES)} theme\n             choices, 2 of them everything), "
        f"created with bulk_create in {time.perf_counter() - started:.1f} s; {news} live news pages "
        "(sv + en) are new to them."
    )


# ------------------------------------------------------------------------------ phases


class Usage:
    """Wall time and the CPU of the sender (this process), its PostgreSQL backend and the sink."""

    def __init__(self, sink, db_pid):
        self.sink, self.db_pid = sink, db_pid

    def __enter__(self):
        self.db = self.db_cpu()
        self.sink_cpu = self.sink.cpu()
        self.cpu = time.process_time()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
        self.cpu = time.process_time() - self.cpu
        db, sink_cpu = self.db_cpu(), self.sink.cpu()
        self.db = None if None in (db, self.db) else db - self.db
        self.sink_cpu = None if None in (sink_cpu, self.sink_cpu) else sink_cpu - self.sink_cpu

    def db_cpu(self):
        return cpu_seconds([self.db_pid]).get(self.db_pid) if self.db_pid else None

    def sample(self, messages):
        return Sample(messages, self.seconds, self.cpu, self.db, self.sink_cpu)


def build_digests(count, sink, db_pid):
    """Phase 1: queue every due digest, as the send_digests task does."""
    from heart_site.notifications.models import OutboxMessage
    from heart_site.notifications.services.digests import digest_queue_due

    with Usage(sink, db_pid) as usage:
        queued = digest_queue_due()
    if queued != count or OutboxMessage.objects.filter(kind="digest").count() != count:
        raise BenchError(f"digest_queue_due() queued {queued} digests for {count} subscribers, not one each.")
    return usage.sample(queued)


def reset_outbox(ready_at):
    """Every message back to queued in one UPDATE, then VACUUM, so that each round starts from
    the same table rather than from the previous round's dead rows."""
    from django.db import connection

    from heart_site.notifications.models import OutboxMessage

    OutboxMessage.objects.update(
        status=OutboxMessage.Status.QUEUED,
        attempts=0,
        available_at=ready_at,
        claimed_at=None,
        claim_token=None,
        handed_over_at=None,
        last_error="",
        sent_at=None,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(OutboxMessage._meta.db_table)}")


def send_through_outbox(batch_size, sink, db_pid, limit):
    """Phase 2: the loop of outbox_send_due() -- what the send_outbox task runs --, batch by
    batch, until nothing is due, or until the next batch would end after ``limit`` seconds
    (judging by the previous one): a slow sender makes a slow benchmark, not an endless one."""
    from django.test.utils import override_settings

    from heart_site.notifications.services.outbox import outbox_send_batch

    sent = 0
    with override_settings(NOTIFICATIONS_BATCH_SIZE=batch_size), Usage(sink, db_pid) as usage:
        started = previous = time.perf_counter()
        while count := outbox_send_batch():
            sent += count
            now = time.perf_counter()
            if now - started + (now - previous) > limit:
                break
            previous = now
    return usage.sample(sent)


def prepare_plain():
    """The outbox's messages as bytes, built by the outbox's own code, before any timing. With
    CRLF line ends, as send_in_steps() and Django's SMTP backend build them: smtplib sends bytes
    as they are (it fixes line ends in str messages only)."""
    from django.core.mail.utils import DNS_NAME

    from heart_site.notifications.models import OutboxMessage
    from heart_site.notifications.services.outbox import _as_django_email

    DNS_NAME.get_fqdn()  # cached, as it is for Django's SMTP backend
    return [
        (
            message.from_email,
            [message.to_email],
            _as_django_email(message, None).message().as_bytes(linesep="\r\n"),
        )
        for message in OutboxMessage.objects.order_by("pk")
    ]


def send_plain(prepared, sink, db_pid):
    """Phase 3: a plain smtplib loop over one connection to the same sink."""
    from django.core.mail.utils import DNS_NAME

    with (
        Usage(sink, db_pid) as usage,
        smtplib.SMTP("127.0.0.1", sink.port, local_hostname=str(DNS_NAME)) as session,
    ):
        for sender, recipients, data in prepared:
            session.sendmail(sender, recipients, data)
    return usage.sample(len(prepared))


def verify(mode, sample, count, sink, all_ids):
    """The sink got each message the sender says it sent exactly once, with the outbox's
    Message-ID; the outbox has those rows sent and the others (after a cut round) queued."""
    from django.db.models import Count

    from heart_site.notifications.models import OutboxMessage

    stats = sink.stats()
    problems = []
    expected = all_ids
    if mode.batch_size is not None:
        statuses = dict(OutboxMessage.objects.values_list("status").annotate(n=Count("pk")))
        wanted = {
            OutboxMessage.Status.SENT: sample.messages,
            OutboxMessage.Status.QUEUED: count - sample.messages,
        }
        if statuses != {status: n for status, n in wanted.items() if n}:
            error = OutboxMessage.objects.exclude(last_error="").values_list("last_error", flat=True).first()
            problems.append(
                f"{sample.messages} sent, but outbox statuses {statuses}"
                + (f"; an error: {error}" if error else "")
            )
        expected = message_ids(OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT))
    if stats["received"] != sample.messages or stats["distinct"] != sample.messages or stats["missing"]:
        problems.append(
            f"the sink received {stats['received']} messages with {stats['distinct']} distinct Message-IDs "
            f"({stats['missing']} without one), not {sample.messages}"
        )
    elif stats["digest"] != expected:
        problems.append("the sink's Message-IDs are not the outbox's")
    if problems:
        raise BenchError(f"{mode.label}: {'; '.join(problems)}.")


def message_ids(messages):
    """The digest the sink computes (bench/smtp_sink.py), of these outbox messages' IDs."""
    import hashlib

    ids = sorted(message.message_id.encode() for message in messages.only("dedupe_key"))
    return hashlib.sha256(b"\n".join(ids)).hexdigest()


def measure(args, sink, db_pid, modes):
    from django.utils import timezone

    count = args.subscribers
    from heart_site.notifications.models import OutboxMessage

    ready_at = timezone.now() - timedelta(minutes=1)
    all_ids = message_ids(OutboxMessage.objects.all())
    started = time.perf_counter()
    prepared = prepare_plain()
    sizes = [len(data) for _, _, data in prepared]
    print(
        f"Prepared:    {count:,} messages as bytes for the plain loop in "
        f"{time.perf_counter() - started:.1f} s; "
        f"size median {statistics.median(sizes) / 1024:.1f} kB (text + HTML)"
    )
    # Warm the sink up (its first connection, Python's first pass through its code).
    send_plain(prepared[:200], sink, db_pid)
    for round_number in range(args.rounds):
        order = modes if round_number % 2 == 0 else modes[::-1]
        for mode in order:
            sink.reset()
            if mode.batch_size is None:
                sample = send_plain(prepared, sink, db_pid)
            else:
                reset_outbox(ready_at)
                sample = send_through_outbox(mode.batch_size, sink, db_pid, args.max_seconds)
            verify(mode, sample, count, sink, all_ids)
            mode.samples.append(sample)
        print(f"  round {round_number + 1}/{args.rounds} done", flush=True)


def profile_batch(size, sink):
    """cProfile of one outbox_send_batch() of ``size`` messages."""
    from django.utils import timezone

    from heart_site.notifications.services.outbox import outbox_send_batch

    reset_outbox(timezone.now() - timedelta(minutes=1))
    sink.reset()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    sent = profiler.runcall(outbox_send_batch, batch_size=size)
    seconds = time.perf_counter() - started
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(18)
    stats.sort_stats("cumulative").print_stats(30)
    print(f"\nProfile: outbox_send_batch(batch_size={size}) sent {sent} in {seconds:.2f} s under cProfile")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


# ------------------------------------------------------------------------------ report


def print_machine(args, pg_version, synchronous_commit, database_url, sink):
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("django", "wagtail", "aiosmtpd"))
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Date:        {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"Machine:     {cpu_model()}; nproc {affinity} (cpu_count {os.cpu_count()}); load {load}")
    print(f"Software:    Python {platform.python_version()}, {versions}, PostgreSQL {pg_version}")
    print(
        f"Sender:      this process, bench.mail_settings (production settings, locmem cache), "
        f"{redact(database_url)}\n             (synchronous_commit {synchronous_commit}); "
        "Django's SMTP backend to the sink; NOTIFICATIONS_BATCH_SIZE "
        f"{' and '.join(map(str, args.batch_sizes))},\n             "
        f"an outbox round stops at {args.max_seconds:g} s"
    )
    print(f"Sink:        bench/smtp_sink.py (aiosmtpd, accepts and counts) in its own process on {sink.url}")


def mark(ratio):
    return "PASS" if ratio >= GOAL else "BELOW"


def fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def print_build(build):
    print(
        f"\nBuild:  digest_queue_due() queued {build.messages:,} digests in {build.seconds:.1f} s: "
        f"{build.rate:.0f} msg/s (CPU per message: sender "
        f"{build.per_message_us(build.sender_cpu) / 1000:.2f} ms, "
        f"PostgreSQL backend {fmt(build.per_message_us(build.db_cpu), '.0f')} µs)"
    )


def print_report(args, modes):
    count = args.subscribers
    print(f"\nSend {count:,} digests to the sink; medians over {args.rounds} rounds")
    header = (
        f"  {'sender':<20} {'sent':>7} {'seconds':>8} {'msg/s':>7} {'spread':>6}   "
        f"{'CPU µs per message:':<19} {'sender':>6} {'pg':>5} {'sink':>5} {'total':>6}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    cut = False
    for mode in modes:
        rates = [s.rate for s in mode.samples]
        spread = (max(rates) - min(rates)) / statistics.median(rates)
        sent = f"{mode.median(lambda s: s.messages):,.0f}"
        if any(s.messages < count for s in mode.samples):
            cut, sent = True, sent + "*"
        print(
            f"  {mode.label:<20} {sent:>7} {mode.median(lambda s: s.seconds):>8.2f} "
            f"{mode.median(lambda s: s.rate):>7.0f} {spread:>6.0%}   {'':<19} "
            f"{mode.median(lambda s: s.per_message_us(s.sender_cpu)):>6.0f} "
            f"{fmt(mode.median(lambda s: s.per_message_us(s.db_cpu)), '5.0f'):>5} "
            f"{fmt(mode.median(lambda s: s.per_message_us(s.sink_cpu)), '5.0f'):>5} "
            f"{mode.median(lambda s: s.per_message_us(s.total_cpu)):>6.0f}"
        )
    print(
        "  spread: (max - min) / median of msg/s over the rounds; CPU: of this process (sender), of its "
        "PostgreSQL\n  backend (pg; WAL writer and fsync not included) and of the sink process."
    )
    if cut:
        print(
            f"  * Not all {count:,}: the round stopped before a batch that would have ended after "
            f"--max-seconds {args.max_seconds:g};\n    msg/s is of the messages sent until then."
        )
    print(
        "  Verified every round: the sink received each message the sender sent once, with the outbox's "
        "Message-ID,\n  and the outbox has exactly those rows sent -- none lost, none twice."
    )

    plain = modes[-1]
    print(f"\nOutbox vs the plain smtplib loop (goal: msg/s ratio >= {GOAL})")
    print(f"  {'batch size':<14} {'msg/s':>5} {'':<5} {'(range)':<11}  {'cpu':>5}")
    for mode in modes[:-1]:
        pairs = list(zip(mode.samples, plain.samples, strict=True))
        rates = [m.rate / p.rate for m, p in pairs]
        cpu = statistics.median(p.total_cpu / p.messages / (m.total_cpu / m.messages) for m, p in pairs)
        ratio = statistics.median(rates)
        default = " (default)" if mode.batch_size == DEFAULT_BATCH_SIZE else ""
        print(
            f"  {str(mode.batch_size) + default:<14} {ratio:5.2f} {mark(ratio):<5} "
            f"({min(rates):4.2f}-{max(rates):4.2f})  {cpu:5.2f}"
        )
    print(
        "  Ratios are medians of the ratios within each round (range: lowest-highest); msg/s: outbox/plain; "
        "cpu: plain/outbox\n  total CPU per message -- above 1 means the outbox is the cheaper one."
    )


# ------------------------------------------------------------------------------ main


def main():
    args = parse_args()
    database_url = os.environ.get("BENCH_MAIL_DATABASE_URL", DEFAULT_DATABASE_URL)
    pg_version = ensure_database(database_url, "BENCH_MAIL_DATABASE_URL")
    sink = Sink()
    django_ready = False
    with tempfile.TemporaryDirectory(prefix="heart-bench-mail-") as log_dir:
        try:
            sink.start(Path(log_dir))
            setup_django(bench_env(database_url, sink), args.skip_setup, collectstatic=False)
            django_ready = True
            db_pid, synchronous_commit = database_info()
            if not cpu_seconds([db_pid]):
                db_pid = None  # PostgreSQL on another machine, or its /proc not readable
            print_machine(args, pg_version, synchronous_commit, database_url, sink)
            create_subscribers(args.subscribers)
            build = build_digests(args.subscribers, sink, db_pid)
            print_build(build)
            modes = [Mode(f"outbox, batch {size}", size) for size in args.batch_sizes]
            modes.append(Mode("plain smtplib loop"))
            started = time.monotonic()
            measure(args, sink, db_pid, modes)
            print(f"  measured in {time.monotonic() - started:.0f} s")
            print_report(args, modes)
            if args.profile:
                profile_batch(args.profile, sink)
        finally:
            if django_ready and not args.keep:
                from django.db import DatabaseError

                try:
                    clear_tables()
                except DatabaseError as error:
                    print(f"Could not empty the benchmark's tables: {error}", file=sys.stderr)
            sink.stop()
    return 0


if __name__ == "__main__":
    run(main, name="bench/notifications.py", interrupted="the SMTP sink was stopped.")

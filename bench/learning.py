#!/usr/bin/env python
"""Quiz submissions at 50 concurrent users, and the course catalogue beside the plain view.

    .venv/bin/python bench/learning.py [--users 50] [--duration 10] [--rounds 3] [--help]

In one run: prepare a PostgreSQL database (migrate, load_demo, collectstatic), build a course
catalogue of --modules training modules (lessons, a quiz of every question type, unlimited
attempts) and --users participants with a session each, start one gunicorn with production
settings (bench/settings.py, page cache off), and

  1. submit: every participant, in a thread of this process with its own connection, starts
     an attempt through the API (POST /api/v3/learning/modules/{id}/attempts), then submits
     the right answers (POST /api/v3/learning/attempts/{id}/submit), and again, on the next
     module; only the submit is timed. Three phases: --users participants without pausing
     (the capacity), the same pausing --think seconds on average after each submit (people
     do not submit back to back), and one participant alone (the service time, no queue).
     Afterwards the database must hold exactly one graded attempt for each submit that
     answered 2xx, and no open one;
  2. catalogue: wrk on the catalogue page, anonymous and logged in, beside the plain Django
     view of bench/pages.py (/bench/plain/) on the same server, anonymous and logged in,
     in interleaved rounds; each ratio is the median of the ratios within a round;
  3. reference: the plain view at as many wrk connections as participants, to show what 50
     clients that never pause cost on this machine even for a one-query page.

Goals (figures are compared, never asserted):

  * submit p95 <= 100 ms at 50 concurrent participants
  * catalogue req/s >= 0.5 x the plain view

Exit status: 0 whatever the figures; 1 on an error (wrk missing, a server that does not
start, a request that fails, a submission that is not graded exactly once); 130 when
interrupted.

Environment: BENCH_LEARNING_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/heart_bench_learning) and BENCH_LEARNING_REDIS_URL (default
redis://127.0.0.1:6379/6; FLUSHED at start). They are not DATABASE_URL and REDIS_URL on
purpose: the benchmark writes pages and participants into its database and deletes their
progress at every run, and empties its Redis database.
"""

import argparse
import contextlib
import cProfile
import http.client
import io
import json
import math
import os
import platform
import pstats
import random
import secrets
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))

from bench.pages import (  # noqa: E402
    LUA_SCRIPT,
    WRK_LINE,
    BenchError,
    Sample,
    Server,
    cpu_model,
    cpu_seconds,
    ensure_database,
    flush_redis,
    fmt,
    log_tail,
    mark,
    redact,
    require_wrk,
    run,
    server_env,
    setup_django,
    start_server,
    stop_server,
    wait_until_ready,
    worker_pids,
    wrk_version,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/heart_bench_learning"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/6"
LANGUAGE = "sv"
GOAL_SUBMIT_P95_MS = 100
GOAL_CATALOGUE = 0.5  # catalogue req/s / plain view req/s
MODULE_SLUG = "bench-modul-{:02d}"
USER_NAME = "bench-learner-{:03d}"
PROBE_USER = "bench-probe"  # counts queries and profiles; never part of the load
API = "/api/v3/learning"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent participants [50]")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measured submit window [10]")
    parser.add_argument("--rounds", type=int, default=3, help="measured windows per submit phase [3]")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unmeasured load first [3]")
    parser.add_argument(
        "--think",
        type=float,
        default=5,
        metavar="S",
        help="mean pause after a submit in the second phase at --users participants [5; 0: no such phase]",
    )
    parser.add_argument("--modules", type=int, default=12, help="training modules in the catalogue [12]")
    parser.add_argument("--lessons", type=int, default=2, help="lessons per module [2]")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers [4]")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; > 1 is gthread [1: sync]")
    parser.add_argument("--page-duration", type=int, default=3, help="seconds of wrk per URL and round [3]")
    parser.add_argument("--page-rounds", type=int, default=4, help="interleaved catalogue rounds [4]")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections for the catalogue [8]")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="after the load, time the parts of N submits in this process and cProfile them [0: off]",
    )
    parser.add_argument(
        "--skip-setup",
        action="store_true",
        help="reuse the database as it is (no migrate/load_demo/static; the catalogue is still checked)",
    )
    args = parser.parse_args()
    positive = ("users", "duration", "rounds", "modules", "workers", "threads")
    for name in (*positive, "page_duration", "page_rounds", "connections"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.warmup < 0 or args.think < 0 or args.lessons < 0 or args.profile < 0:
        parser.error("--warmup, --think, --lessons and --profile must not be negative")
    return args


# ------------------------------------------------------------------------------ the site


def build_catalogue(module_count, lesson_count):
    """The catalogue under the Swedish home (the one there, else a new one) with the bench's
    modules; every other one also in English. Modules already there are kept, so that a second
    run measures the same site. Returns (catalogue, [bench modules])."""
    from wagtail.models import Locale

    from heart_site.core.models import HomePage, Theme
    from learning.models import Audience, CourseIndexPage, TrainingModulePage
    from tests.factories.learning import CourseIndexPageFactory, build_module
    from tests.factories.pages import translate

    locale = Locale.objects.get(language_code=LANGUAGE)
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        raise BenchError("The demo site is missing (no Swedish home page); run without --skip-setup.")
    index = CourseIndexPage.objects.child_of(home).live().first()
    if index is None:
        index = CourseIndexPageFactory(parent=home, intro="Utbildningar för benchmarken.")
        index.save_revision().publish()
    english_home = home.get_translation_or_none(Locale.objects.get(language_code="en"))
    themes = list(Theme.objects.filter(locale=locale).order_by("pk"))
    audiences = list(Audience.objects.filter(locale=locale).order_by("pk"))
    started, created = time.monotonic(), 0
    modules = []
    for number in range(1, module_count + 1):
        slug = MODULE_SLUG.format(number)
        module = TrainingModulePage.objects.child_of(index).filter(slug=slug).first()
        if module is None:
            module = build_module(
                index, lessons=lesson_count, title=f"Benchmarkmodul {number}", slug=slug, max_attempts=0
            )
            if themes:
                module.themes.set([themes[number % len(themes)], themes[(number * 3) % len(themes)]])
            if audiences:
                module.audiences.set([audiences[number % len(audiences)]])
            module.save_revision().publish()
            if number % 2 == 0 and english_home is not None:
                if index.get_translation_or_none(english_home.locale) is None:
                    translate(index, "en", title="Courses", slug="courses")
                translate(module, "en", title=f"Benchmark module {number}")
            created += 1
        if not module.live or module.max_attempts or not module.has_quiz:
            raise BenchError(
                f"{module.url_path}: a bench module must be live, with a quiz and unlimited attempts; "
                "to start over, drop the benchmark's database."
            )
        modules.append(module.specific)
    if created:
        print(f"Built {created} training modules in {time.monotonic() - started:.0f} s.")
    return index, modules


def ensure_users(count):
    """The participants of the load and the probe, without progress (deleted at every run)."""
    from django.contrib.auth import get_user_model

    from learning.models import Certificate, Enrollment

    user_model = get_user_model()
    names = [USER_NAME.format(i) for i in range(count)] + [PROBE_USER]
    existing = {user.username: user for user in user_model.objects.filter(username__in=names)}
    missing = [
        user_model(username=name, email=f"{name}@bench.example", full_name=f"Deltagare {name[-3:]}")
        for name in names
        if name not in existing
    ]
    for user in missing:
        user.set_unusable_password()
    user_model.objects.bulk_create(missing)
    users = {user.username: user for user in user_model.objects.filter(username__in=names)}
    Enrollment.objects.filter(user__in=users.values()).delete()  # attempts and completions with them
    Certificate.objects.filter(user__in=users.values()).delete()
    return [users[name] for name in names[:-1]], users[PROBE_USER]


def login(user):
    """A session as django.contrib.auth.login() stores it, and a CSRF secret: the two cookies a
    browser holds after logging in. Logging in through allauth's form would hash 50 passwords
    with the production hasher and meet its login rate limit, and measure neither."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    # Django accepts the unmasked 32-character secret in the header as well as a masked token.
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    cookie = f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
    return Participant(user.pk, cookie, csrf)


@dataclass
class Participant:
    pk: int
    cookie: str
    csrf: str


@dataclass
class ModuleKey:
    """The right answers to one module's quiz, in the API's shape. Matching answers carry
    tokens derived from each attempt's secret seed; the client finds them in the questions the
    attempt shows, by the answer's text, as a participant does."""

    pk: int
    fixed: dict
    matching: dict  # question id -> {pair id: answer text}

    @classmethod
    def of(cls, module):
        from learning.quiz import questions_from_stream
        from tests.factories.learning import correct_answers

        questions = questions_from_stream(module.quiz)
        matching = {q.id: {p.id: p.answer for p in q.pairs} for q in questions if q.kind == "matching"}
        fixed = {k: v for k, v in correct_answers(module).items() if k not in matching}
        return cls(module.pk, fixed, matching)

    def answers(self, attempt):
        answers = dict(self.fixed)
        for question in attempt["questions"]:
            pairs = self.matching.get(question["id"])
            if pairs is not None:
                token = {answer["text"]: answer["id"] for answer in question["answers"]}
                answers[question["id"]] = {pair: token[text] for pair, text in pairs.items()}
        return answers


# ------------------------------------------------------------------------------ queries


def count_queries(catalogue_path, module, probe):
    """Queries per request through the whole middleware stack (Django's test client, second
    request, so that per-process caches are warm), for the probe participant."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def counted(client, method, path, **kwargs):
        getattr(client, method)(path, **kwargs)  # warm
        with CaptureQueriesContext(connection) as captured:
            response = getattr(client, method)(path, **kwargs)
        if response.status_code not in (200, 201):
            raise BenchError(
                f"{method.upper()} {path} answered {response.status_code} to Django's test client."
            )
        return len(captured.captured_queries), response

    anonymous, member = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    member.force_login(probe)
    counts = {
        ("catalogue", "anonymous"): counted(anonymous, "get", catalogue_path)[0],
        ("plain view", "anonymous"): counted(anonymous, "get", "/bench/plain/")[0],
        ("catalogue", "logged in"): counted(member, "get", catalogue_path)[0],
        ("plain view", "logged in"): counted(member, "get", "/bench/plain/")[0],
    }
    # The first start also creates the enrolment, and a start with an attempt open resumes it:
    # count a start that creates an attempt for an existing enrolment, as in the load.
    key = ModuleKey.of(module)
    start = f"{API}/modules/{module.pk}/attempts"
    attempt = member.post(start).json()
    member.post(
        f"{API}/attempts/{attempt['id']}/submit", {"answers": key.answers(attempt)}, "application/json"
    )
    with CaptureQueriesContext(connection) as captured:
        response = member.post(start)
    if response.status_code != 201:
        raise BenchError(f"POST {start} answered {response.status_code} to Django's test client.")
    counts["start", "logged in"] = len(captured.captured_queries)
    attempt = response.json()
    with CaptureQueriesContext(connection) as captured:
        response = member.post(
            f"{API}/attempts/{attempt['id']}/submit", {"answers": key.answers(attempt)}, "application/json"
        )
    if response.status_code != 200 or response.json()["percent"] != 100:
        raise BenchError(
            f"A submit with the right answers answered {response.status_code}: {response.content[:300]}"
        )
    counts["submit", "logged in"] = len(captured.captured_queries)
    return counts


# ------------------------------------------------------------------------------ the submit load


@dataclass
class Submit:
    ended: float  # perf_counter
    ms: float


@dataclass
class Learner:
    """One participant in a thread of its own: start, submit, next module; until told to stop."""

    participant: Participant
    keys: list
    port: int
    think: float  # mean pause after a submit, in seconds
    offset: int
    stagger: float = 1.0  # seconds over which the participants begin, when they do not pause
    submits: list = field(default_factory=list)
    attempt_ids: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def post(self, conn, path, body=b""):
        headers = {
            "Cookie": self.participant.cookie,
            "X-CSRFToken": self.participant.csrf,
            "Content-Type": "application/json",
            "Accept-Language": LANGUAGE,
        }
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()

    def run(self, stop):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        cycle = self.offset
        # Pauses drawn at random around their mean, and a random first one, as people's are:
        # equal pauses would have every participant submit in step, in bursts. Without pauses a
        # random start still matters: fifty starts at once would move through the server as a
        # wave of starts, then one of submits, and short windows would catch one or the other.
        pauses = random.Random(self.offset)
        stop.wait(pauses.uniform(0, self.think or self.stagger))
        try:
            while not stop.is_set():
                key = self.keys[cycle % len(self.keys)]
                cycle += 1
                try:
                    status, body = self.post(conn, f"{API}/modules/{key.pk}/attempts")
                    if status not in (200, 201):
                        self.error("start", status, body)
                        continue
                    attempt = json.loads(body)
                    payload = json.dumps({"answers": key.answers(attempt)}).encode()
                    started = time.perf_counter()
                    status, body = self.post(conn, f"{API}/attempts/{attempt['id']}/submit", payload)
                    ended = time.perf_counter()
                except (OSError, http.client.HTTPException) as error:
                    conn.close()
                    self.error("connection", 0, str(error).encode())
                    continue
                result = json.loads(body) if status == 200 else {}
                if (
                    status != 200
                    or result.get("score") != result.get("max_score")
                    or not result.get("passed")
                ):
                    self.error("submit", status, body)
                    continue
                self.submits.append(Submit(ended, (ended - started) * 1000))
                self.attempt_ids.append(result["attempt_id"])
                if self.think:
                    stop.wait(pauses.expovariate(1 / self.think))
        finally:
            conn.close()

    def error(self, step, status, body):
        self.errors.append(f"{step} {status}: {body[:300].decode(errors='replace')}")
        if len(self.errors) > 20:
            raise BenchError(f"Participant {self.participant.pk} keeps failing; the last: {self.errors[-1]}")


@dataclass
class Window:
    submits: list
    seconds: float
    cpu: dict  # "workers", "postgres", "client": CPU seconds in the window

    @property
    def rate(self):
        return len(self.submits) / self.seconds


@dataclass
class Phase:
    users: int
    think: float
    windows: list = field(default_factory=list)
    clients: list = field(default_factory=list)

    @property
    def latencies(self):
        return sorted(s.ms for w in self.windows for s in w.submits)

    @property
    def count(self):
        return sum(len(w.submits) for w in self.windows)

    @property
    def rate(self):
        """Over all the windows: a window shorter than the latencies of an overloaded server
        can end with few or no submits, and a median of windows would then mislead."""
        return self.count / sum(w.seconds for w in self.windows)

    @property
    def spread(self):
        rates = [w.rate for w in self.windows]
        return (max(rates) - min(rates)) / self.rate if self.rate else float("nan")

    def cpu_ms(self, name):
        """CPU milliseconds per submit (and the start before it), over all the windows."""
        values = [w.cpu.get(name) for w in self.windows]
        return None if None in values or not self.count else sum(values) * 1000 / self.count

    @property
    def errors(self):
        return [e for c in self.clients for e in c.errors]


def percentile(values, share):
    """Nearest-rank percentile of sorted values."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, math.ceil(share * len(values)) - 1))]


class CpuMeter:
    """CPU seconds of the gunicorn workers, of PostgreSQL's backends for the benchmark's
    database, and of this process (the client threads; the main thread only sleeps).

    Backends come and go (persistent connections are closed after CONN_MAX_AGE and opened
    again), so they are listed at every reading: one that is new since the last reading
    counts whole, one that has gone is lost with the CPU of its last moments."""

    def __init__(self, server):
        self.server = server
        self.measurable = bool(postgres_backends())

    def read(self):
        return {
            "workers": cpu_seconds(worker_pids(self.server)),
            "postgres": cpu_seconds(postgres_backends()) if self.measurable else None,
            "client": time.process_time(),
        }

    @staticmethod
    def spent(before, after):
        spent = {"client": after["client"] - before["client"]}
        for name in ("workers", "postgres"):
            if before[name] is None or not after[name]:
                spent[name] = None
            else:
                spent[name] = sum(seconds - before[name].get(pid, 0) for pid, seconds in after[name].items())
        return spent


def postgres_backends():
    """Process ids of the other connections to this database: the servers' (persistent)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        pids = [row[0] for row in cursor.fetchall()]
    return pids if cpu_seconds(pids) else []  # PostgreSQL elsewhere (no /proc of its): []


def submit_load(phase, participants, keys, server, args):
    """Start the clients, let them warm up, measure --rounds windows of --duration seconds,
    stop them and wait for each to finish its cycle."""
    stop = threading.Event()
    phase.clients = [
        Learner(participant, keys, server.port, phase.think, offset=i)
        for i, participant in enumerate(participants)
    ]
    failures = []

    def guarded(client):
        try:
            client.run(stop)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            failures.append(error)
            stop.set()

    threads = [threading.Thread(target=guarded, args=(c,), daemon=True) for c in phase.clients]
    for thread in threads:
        thread.start()
    try:
        stop.wait(max(args.warmup, 1))
        meter = CpuMeter(server)  # after the warm-up: the workers' connections exist by now
        for _ in range(args.rounds):
            if stop.is_set():
                break
            before, started = meter.read(), time.perf_counter()
            stop.wait(args.duration)
            ended, after = time.perf_counter(), meter.read()
            submits = [s for c in phase.clients for s in c.submits if started <= s.ended < ended]
            phase.windows.append(Window(submits, ended - started, CpuMeter.spent(before, after)))
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    if failures:
        raise failures[0] if isinstance(failures[0], BenchError) else BenchError(repr(failures[0]))
    if any(thread.is_alive() for thread in threads):
        raise BenchError("A participant's request did not end within 60 s of the end of the load.")


def check_graded_once(participants, phases):
    """Exactly the attempts that answered 2xx are graded, once each, and none is left open."""
    from learning.models import QuizAttempt

    answered = [i for phase in phases for c in phase.clients for i in c.attempt_ids]
    attempts = QuizAttempt.objects.filter(enrollment__user_id__in=[p.pk for p in participants])
    graded = set(
        attempts.filter(submitted_at__isnull=False, percent=100, passed=True).values_list("pk", flat=True)
    )
    submitted = attempts.filter(submitted_at__isnull=False).count()
    still_open = attempts.filter(submitted_at__isnull=True).count()
    problems = []
    if len(answered) != len(set(answered)):
        problems.append(f"{len(answered) - len(set(answered))} attempts answered 2xx to more than one submit")
    if submitted != len(answered) or graded != set(answered):
        problems.append(
            f"{len(answered)} submits answered 2xx, but {submitted} attempts are submitted "
            f"({len(graded)} of them graded 100 %)"
        )
    if still_open:
        problems.append(f"{still_open} attempts are still open")
    if problems:
        raise BenchError("; ".join(problems) + ".")
    return len(answered)


# ------------------------------------------------------------------------------ the catalogue


@dataclass
class Target:
    label: str
    who: str
    path: str
    cookie: str = ""
    queries: int | None = None
    samples: list = field(default_factory=list)

    @property
    def rps(self):
        return statistics.median(s.rps for s in self.samples)


def wrk_sample(wrk, server, target, seconds, connections, *, warm_up=False):
    """One wrk run (bench/report.lua), with the target's cookie, and the workers' CPU. A
    warm-up may end before any request does (each worker's first render is slow)."""
    command = [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA_SCRIPT)]
    if target.cookie:
        command += ["-H", f"Cookie: {target.cookie}"]
    pids = worker_pids(server)
    before = cpu_seconds(pids)
    completed = subprocess.run(
        [*command, server.url(target.path)], capture_output=True, text=True, timeout=seconds + 30
    )
    after = cpu_seconds(pids)
    match = WRK_LINE.search(completed.stdout)
    if completed.returncode != 0 or match is None:
        raise BenchError(f"wrk failed on {target.path}:\n{completed.stdout}{completed.stderr}")
    fields = {key: float(value) for key, value in (item.split("=") for item in match.group(1).split())}
    errors = int(sum(fields[k] for k in ("status", "connect", "read", "write", "timeout")))
    if errors or not (fields["requests"] or warm_up):
        raise BenchError(
            f"{target.path} ({target.who}): {errors} errors in {fields['requests']:.0f} requests."
        )
    sample = Sample(
        requests=int(fields["requests"]),
        seconds=fields["duration_us"] / 1e6,
        p50_ms=fields["p50_us"] / 1000,
        p95_ms=fields["p95_us"] / 1000,
        socket_errors=0,
    )
    if before.keys() == after.keys() == set(pids) and pids and sample.requests:
        sample.cpu_ms = sum(after[p] - before[p] for p in pids) * 1000 / sample.requests
    return sample


def check_pages(server, targets, modules):
    """200 for everyone; the page cache stays out; the catalogue lists every bench module, and
    the logged-in one is personal (no-store)."""
    from learning.models import TrainingModulePage

    listed = TrainingModulePage.objects.live().values("translation_key").distinct().count()
    for target in targets:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            conn.request("GET", target.path, headers={"Cookie": target.cookie} if target.cookie else {})
            response = conn.getresponse()
            body = response.read().decode()
        finally:
            conn.close()
        if response.status != 200:
            raise BenchError(f"{target.path} ({target.who}) answered {response.status}:\n{log_tail(server)}")
        if response.getheader("X-Heart-Cache") is not None:
            raise BenchError(f"{target.path} went through the page cache, which is off.")
        if target.label != "catalogue":
            continue
        missing = [module.title for module in modules if module.title not in body]
        if missing:
            raise BenchError(
                f"The catalogue {target.path} ({target.who}) does not list {', '.join(missing)}."
            )
        if target.cookie and "no-store" not in (response.getheader("Cache-Control") or ""):
            raise BenchError("The logged-in catalogue is not marked no-store.")
        target.label = f"catalogue ({listed} modules)"


def catalogue_load(wrk, server, targets, args):
    for target in targets:  # warm-up
        wrk_sample(wrk, server, target, 2, args.connections, warm_up=True)
    for round_number in range(args.page_rounds):
        order = targets if round_number % 2 == 0 else targets[::-1]
        for target in order:
            target.samples.append(wrk_sample(wrk, server, target, args.page_duration, args.connections))
        print(f"  catalogue round {round_number + 1}/{args.page_rounds} done", flush=True)


# ------------------------------------------------------------------------------ profile


def profile_submits(count, module, probe):
    """The parts of a submit, timed directly in this process, then a cProfile of ``count``
    submits through Django's test client (the whole middleware stack, no network)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from learning.grading import clean_answers, grade_quiz
    from learning.results import attempt_feedback
    from learning.services import attempt_for_user

    client = Client(HTTP_HOST="localhost")
    client.force_login(probe)
    key = ModuleKey.of(module)
    start = f"{API}/modules/{module.pk}/attempts"

    def one_submit():
        attempt = client.post(start).json()
        response = client.post(
            f"{API}/attempts/{attempt['id']}/submit", {"answers": key.answers(attempt)}, "application/json"
        )
        if response.status_code != 200:
            raise BenchError(f"Profiling: a submit answered {response.status_code}.")
        return attempt["id"]

    parts, queries = {}, {}

    @contextlib.contextmanager
    def timed(name):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            yield
        parts.setdefault(name, []).append(time.perf_counter() - started)
        queries.setdefault(name, []).append(len(captured.captured_queries))

    for _ in range(count):
        attempt = client.post(start).json()
        answers = key.answers(attempt)
        with timed("request"):
            client.post(f"{API}/attempts/{attempt['id']}/submit", {"answers": answers}, "application/json")
        # The steps of quiz_attempt_submit() and of the endpoint, again, on the graded attempt.
        with timed("load attempt"):
            loaded = attempt_for_user(user=probe, attempt_id=attempt["id"])
        with timed("pinned quiz"):
            questions = loaded.quiz_version.quiz().questions
        with timed("clean+grade"):
            grade_quiz(questions, clean_answers(questions, answers, seed=loaded.seed), seed=loaded.seed)
        with timed("feedback"):
            attempt_feedback(attempt=loaded)
    print(f"\nProfile: the parts of a submit, medians of {count} in this process (Django's test client)")
    request_ms = statistics.median(parts["request"]) * 1000
    for name, values in parts.items():
        ms = statistics.median(values) * 1000
        print(
            f"  {name:<14} {ms:7.2f} ms  {ms / request_ms:5.0%} of the request  "
            f"({statistics.median(queries[name]):.0f} queries)"
        )
    print(
        "  request: POST .../submit whole; the rest repeat its steps on the graded attempt: load attempt\n"
        "  (attempt_for_user), pinned quiz (QuizVersion.quiz(): the pinned revision's questions, parsed\n"
        "  once per process), clean+grade, feedback (attempt_feedback)."
    )
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [one_submit() for _ in range(count)])
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(40)
    print(f"\ncProfile of {count} start + submit pairs, by cumulative time:")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


# ------------------------------------------------------------------------------ report


def print_machine(args, wrk, pg_version, redis_version, database_url, redis_url):
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("django", "wagtail", "gunicorn"))
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    kind = "sync" if args.threads == 1 else f"gthread, {args.threads} threads each"
    print(f"Date:        {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"Machine:     {cpu_model()}; nproc {affinity} (cpu_count {os.cpu_count()}); load {load}")
    print(
        f"Software:    Python {platform.python_version()}, {versions}, PostgreSQL {pg_version}, "
        f"Redis {redis_version},\n             {wrk_version(wrk).split(' [')[0]}"
    )
    print(
        f"Server:      one gunicorn, {args.workers} workers ({kind}), no access log, bench.settings\n"
        "             (production hardening), HEART_PAGE_CACHE_SECONDS=0, "
        f"Redis cache {redact(redis_url)},\n"
        f"             {redact(database_url)}"
    )


def print_site(index, modules, args, query_counts):
    from learning.quiz import questions_from_stream

    kinds = ", ".join(q.kind for q in questions_from_stream(modules[0].quiz))
    lessons = f"{args.lessons} lesson{'s' if args.lessons != 1 else ''}"
    print(
        f"Site:        catalogue {index.url}: {len(modules)} bench modules (every other one also in "
        f"English), {lessons} each,\n             a quiz of {len(modules[0].quiz)} questions "
        f"({kinds}),\n             unlimited attempts; {args.users} participants with a session each\n"
        "             (no lessons done: every pass checks completion and finds it not yet due)"
    )
    counts = [f"{label} {who} {n}" for (label, who), n in query_counts.items()]
    print(
        "Queries:     per request (Django's test client, second request): "
        + ", ".join(counts[:2])
        + ",\n             "
        + ", ".join(counts[2:])
    )


def print_submits(phases, args, checked):
    print(
        "\nQuiz submissions: each participant, in a thread of this process with its own connection, "
        "starts an attempt,\nsubmits the right answers and goes on with the next module, after a pause "
        "if it has one (drawn at\nrandom around its mean); "
        f"{args.warmup} s warm-up, then {args.rounds} windows of {args.duration} s. Only the submit is timed."
    )
    header = (
        f"  {'users':>5} {'pause s':>7} {'submits':>7} {'per s':>6} {'spread':>6} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6}  CPU ms: "
        f"{'workers':>7} {'pg':>5} {'client':>6}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for phase in phases:
        latencies = phase.latencies
        print(
            f"  {phase.users:>5} {phase.think:>7g} {phase.count:>7} {phase.rate:>6.1f} {phase.spread:>6.0%} "
            f"{percentile(latencies, 0.5):>7.1f} {percentile(latencies, 0.95):>7.1f} "
            f"{percentile(latencies, 0.99):>7.1f} {latencies[-1] if latencies else float('nan'):>7.1f} "
            f"{len(phase.errors):>6}  {'':<7} {fmt(phase.cpu_ms('workers'), '7.1f'):>7} "
            f"{fmt(phase.cpu_ms('postgres'), '5.1f'):>5} {fmt(phase.cpu_ms('client'), '6.2f'):>6}"
        )
    print(
        "  per s: submits per second over all the windows; spread: (max - min) of the windows' rates\n"
        "  / per s; percentiles over every submit of the windows; CPU ms per submit (and the start before\n"
        "  it): of the gunicorn workers, of PostgreSQL's backends for this database (WAL writer and fsync\n"
        "  not included) and of this process (the clients)."
    )
    first = phases[0]
    parts = [first.cpu_ms(name) for name in ("workers", "postgres", "client")]
    capacity = None  # submits/s the CPU allows, all three parts counted
    if None not in parts:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        capacity = cores * 1000 / sum(parts)
        print(
            f"  CPU per submit at {first.users} participants, all three: {sum(parts):.1f} ms; "
            f"on {cores} cores that allows at most {capacity:.0f} submits/s\n"
            "  (a steadier estimate of capacity than submits/s on a shared machine)."
        )
    print(
        f"  Checked in the database: {checked:,} submits answered 200 with full marks, and exactly those "
        "attempts are\n  graded (score 100 %), each once; none is left open."
    )
    print(f"\nSubmit p95 (goal: <= {GOAL_SUBMIT_P95_MS} ms at {args.users} participants)")
    for phase in phases:
        p95 = percentile(phase.latencies, 0.95)
        verdict = "PASS" if p95 <= GOAL_SUBMIT_P95_MS else "BELOW"
        if phase.users == 1:
            label = "1 participant alone (service time):"
        else:
            pause = f"pausing {phase.think:g} s on average" if phase.think else "without pausing"
            label = f"{phase.users} participants {pause}:"
        print(f"  {label:<45} {p95:7.1f} ms {verdict}")
        if phase.users > 1 and not phase.think and phase.rate:
            print(closed_loop_note(phase, capacity))


def closed_loop_note(phase, capacity):
    """What clients that never pause can get, by arithmetic: each sends its next request when
    the last one answers, so a cycle (start + submit) takes clients / throughput on average,
    whatever the server does per request."""
    cycle_ms = phase.users / phase.rate * 1000
    # A submit within the goal, and a start no slower than it: cycles of at most 2 x the goal.
    needed = phase.users * 1000 / (2 * GOAL_SUBMIT_P95_MS)
    if capacity is None:
        verdict = "this run could not measure the CPU that would take"
    elif capacity < needed:
        verdict = f"more than the {capacity:.0f}/s the CPU measured per cycle allows on this machine"
    else:
        verdict = f"within the {capacity:.0f}/s the CPU measured per cycle allows: the server falls short"
    return (
        f"    {phase.users} clients that never pause, at the {phase.rate:.1f} cycles/s measured, spend "
        f"{phase.users} / {phase.rate:.1f} = {cycle_ms:.0f} ms\n"
        f"    per start + submit (clients / throughput). A submit p95 within {GOAL_SUBMIT_P95_MS} ms needs "
        f"at least {needed:.0f} cycles/s,\n    {verdict}."
    )


def print_catalogue(targets, reference):
    width = max(len(t.label) for t in targets)
    print(
        "\nCatalogue beside the plain view, same server; medians over the rounds"
        f" (wrk -c{reference['connections']})"
    )
    header = (
        f"  {'page':<{width}} {'who':<10} {'queries':>7} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'cpu ms':>7} {'spread':>6}"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for target in targets:
        rates = [s.rps for s in target.samples]
        cpu = [s.cpu_ms for s in target.samples]
        print(
            f"  {target.label:<{width}} {target.who:<10} {fmt(target.queries, 'd'):>7} {target.rps:>8.1f} "
            f"{statistics.median(s.p50_ms for s in target.samples):>7.1f} "
            f"{statistics.median(s.p95_ms for s in target.samples):>7.1f} "
            f"{fmt(None if None in cpu else statistics.median(cpu), '7.2f'):>7} "
            f"{(max(rates) - min(rates)) / statistics.median(rates):>6.0%}"
        )
    print("  cpu ms: CPU of the gunicorn workers per request (PostgreSQL's and Redis's not included).")
    print(f"\nCatalogue vs the plain view (goal: req/s ratio >= {GOAL_CATALOGUE})")
    print(f"  {'who':<10} {'req/s':>5} {'':<5} {'(range)':<11}  {'p95':>5}  {'cpu':>5}")
    catalogues = [t for t in targets if t.label.startswith("catalogue")]
    plains = {t.who: t for t in targets if t.label == "plain view"}
    for page in catalogues:
        base = plains[page.who]
        pairs = list(zip(page.samples, base.samples, strict=True))
        rates = [p.rps / b.rps for p, b in pairs]
        ratio = statistics.median(rates)
        p95 = statistics.median(b.p95_ms / p.p95_ms for p, b in pairs)
        cpu = None
        if all(p.cpu_ms and b.cpu_ms for p, b in pairs):
            cpu = statistics.median(b.cpu_ms / p.cpu_ms for p, b in pairs)
        print(
            f"  {page.who:<10} {ratio:5.2f} {mark(ratio, GOAL_CATALOGUE):<5} "
            f"({min(rates):4.2f}-{max(rates):4.2f})  {p95:5.2f}  {fmt(cpu, '5.2f'):>5}"
        )
    print(
        "  Ratios are medians of the ratios within each round (range: lowest-highest); req/s: "
        "catalogue/plain,\n  p95: plain/catalogue, cpu: plain/catalogue worker CPU per request -- above 1 "
        "means the catalogue is the faster."
    )
    sample = reference["sample"]
    print(
        f"\nReference: the plain view (anonymous) at {reference['users']} wrk connections, as many as "
        f"participants: {sample.rps:.1f} req/s,\np50 {sample.p50_ms:.1f} ms, p95 {sample.p95_ms:.1f} ms "
        f"({reference['seconds']} s). Clients that never pause queue behind each other:\n"
        "latency = clients / throughput."
    )


# ------------------------------------------------------------------------------ main


def main():
    args = parse_args()
    wrk = require_wrk()
    database_url = os.environ.get("BENCH_LEARNING_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_LEARNING_REDIS_URL", DEFAULT_REDIS_URL)
    secret_key = f"bench-{secrets.token_urlsafe(48)}"
    env = server_env(database_url, redis_url, secret_key, 0, "heart-bench-learning")
    if args.threads > 1:
        # bench/pages.py starts sync workers; gunicorn makes a sync worker with threads gthread.
        env["GUNICORN_CMD_ARGS"] = f"--threads {args.threads}"
    server = Server("learning", 0)

    pg_version = ensure_database(database_url, "BENCH_LEARNING_DATABASE_URL")
    setup_django(env, args.skip_setup)
    from django.apps import apps

    if not apps.is_installed("learning"):
        raise BenchError("The learning plugin is not in INSTALLED_APPS (HEART_PLUGINS).")
    index, modules = build_catalogue(args.modules, args.lessons)
    users, probe = ensure_users(args.users)
    keys = [ModuleKey.of(module) for module in modules]
    catalogue_path = index.url
    query_counts = count_queries(catalogue_path, modules[0], probe)
    participants = [login(user) for user in users]
    redis_version = flush_redis(redis_url)

    print_machine(args, wrk, pg_version, redis_version, database_url, redis_url)
    print_site(index, modules, args, query_counts)
    print(
        f"Load:        {args.users} participants, a thread each in this process (http.client); wrk -t1 "
        f"-c{args.connections} for the pages"
    )
    from django.db import close_old_connections

    with tempfile.TemporaryDirectory(prefix="heart-bench-learning-") as log_dir:
        try:
            start_server(server, env, args.workers, Path(log_dir))
            wait_until_ready(server)
            close_old_connections()
            phases = [Phase(args.users, 0)]
            if args.think:
                phases.append(Phase(args.users, args.think))
            phases.append(Phase(1, 0))
            started = time.monotonic()
            for phase in phases:
                submit_load(phase, participants[: phase.users], keys, server, args)
            print(f"  submits measured in {time.monotonic() - started:.0f} s", flush=True)
            checked = check_graded_once(participants, phases)
            member = participants[0].cookie
            targets = [
                Target("catalogue", "anonymous", catalogue_path),
                Target("plain view", "anonymous", "/bench/plain/"),
                Target("catalogue", "logged in", catalogue_path, member),
                Target("plain view", "logged in", "/bench/plain/", member),
            ]
            for target in targets:
                target.queries = query_counts[target.label, target.who]
            check_pages(server, targets, modules)
            catalogue_load(wrk, server, targets, args)
            reference_seconds = max(args.page_duration, 3)
            reference = {
                "users": args.users,
                "seconds": reference_seconds,
                "connections": args.connections,
                "sample": wrk_sample(wrk, server, targets[1], reference_seconds, args.users),
            }
        finally:
            stop_server(server)
    for phase in phases:
        if phase.errors:
            raise BenchError(
                f"{len(phase.errors)} requests failed at {phase.users} participants; the first: "
                f"{phase.errors[0]}"
            )
    print_submits(phases, args, checked)
    print_catalogue(targets, reference)
    if args.profile:
        profile_submits(args.profile, modules[0], probe)
    return 0


if __name__ == "__main__":
    run(main, name="bench/learning.py", interrupted="the server was stopped.")

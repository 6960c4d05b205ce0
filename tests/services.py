"""Real services started by tests: a private Redis server and Celery worker/beat processes."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {timeout}s")


class RedisServer:
    """A throwaway redis-server on a free port, so a test can stop it without touching the
    Redis that other tests and developers use."""

    def __init__(self, binary):
        self.binary = binary
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def database_url_for_subprocess(connection):
    """The URL of the database this test run uses (the test database, not the real one)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{auth}{settings.get('HOST') or '127.0.0.1'}{port}/{settings['NAME']}"


@contextmanager
def celery_processes(*roles, env, log_dir):
    """Start ``celery worker`` and/or ``celery beat`` with ``env``; stop them on exit."""
    processes = []
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "heart_site.settings.dev", "DEBUG": "0", **env}
    commands = {
        "worker": [
            "worker",
            "--loglevel=INFO",
            "--concurrency=1",
            "--pool=solo",
            "--without-mingle",
            "--without-gossip",
        ],
        "beat": ["beat", "--loglevel=INFO", "--schedule", str(Path(log_dir) / "beat-schedule")],
    }
    try:
        for role in roles:
            log = open(Path(log_dir) / f"{role}.log", "w")  # noqa: SIM115 (closed with the process)
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "heart_site", *commands[role]],
                cwd=ROOT,
                env=full_env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            processes.append((process, log))
        yield
    finally:
        for process, log in processes:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()


class SmtpSink:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

    def __init__(self, delay=0.0):
        import threading

        self.port = free_port()
        self.delay = delay
        self.messages = []
        self._lock = threading.Lock()
        self._controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                import asyncio
                import email
                import email.policy

                message = email.message_from_bytes(envelope.content, policy=email.policy.default)
                with sink._lock:
                    sink.messages.append((list(envelope.rcpt_tos), message))
                # Like a real MTA, take responsibility (queue the message) first and answer
                # after (RFC 5321 4.1.1.4); ``delay`` is the time that answer takes.
                if sink.delay:
                    await asyncio.sleep(sink.delay)
                return "250 Message accepted for delivery"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller:
            self._controller.stop()

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def received(self):
        with self._lock:
            return list(self.messages)

    def wait_for(self, count, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received()) >= count:
                return self.received()
            time.sleep(0.05)
        raise TimeoutError(f"expected {count} messages, got {len(self.received())} in {timeout}s")


class CeleryProcess:
    """One ``celery worker`` or ``celery beat`` that a test can start, kill and start again."""

    def __init__(self, role, *, env, log_dir):
        self.role, self.env, self.log_dir = role, env, Path(log_dir)
        self.process = None
        self._log = None
        self.starts = 0

    def start(self):
        self.starts += 1
        args = {
            "worker": ["worker", "--loglevel=INFO", "--pool=solo", "--without-mingle", "--without-gossip"],
            "beat": [
                "beat",
                "--loglevel=INFO",
                "--schedule",
                str(self.log_dir / f"beat-{self.starts}-{id(self)}"),
            ],
        }[self.role]
        self._log = open(self.log_dir / f"{self.role}-{id(self)}-{self.starts}.log", "w")  # noqa: SIM115
        full_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "heart_site.settings.dev",
            "DEBUG": "0",
            **self.env,
        }
        full_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "heart_site", *args],
            cwd=ROOT,
            env=full_env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self):
        """SIGKILL: the worker gets no chance to finish or acknowledge anything."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self._log:
            self._log.close()


def logs(log_dir):
    return "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in sorted(Path(log_dir).glob("*.log")))


@contextmanager
def celery_broker(url):
    """Make this process's Celery app publish to ``url`` for the duration."""
    from heart_site.celery import app

    def point(target):
        app.conf.broker_url = target
        # Celery builds its connection and producer pools once, from the URL it had then;
        # kombu keeps one pool per URL, so switching back finds the original one intact.
        app._pool = None
        app.amqp._producer_pool = None

    original = app.conf.broker_url
    point(url)
    try:
        yield
    finally:
        point(original)

"""Running calls at the same moment, each in its own thread and database connection, for the
tests that prove a rule holds under concurrency (PostgreSQL only: SQLite serialises writers)."""

import threading

from django.db import connections


def run_together(*calls):
    """Each call in its own thread and connection, released at once; returns what each
    returned or raised, in order."""
    outcomes = [None] * len(calls)
    barrier = threading.Barrier(len(calls), timeout=10)

    def run(position, call):
        try:
            barrier.wait()
            outcomes[position] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            outcomes[position] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes

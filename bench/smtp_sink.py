#!/usr/bin/env python
"""The SMTP server of bench/notifications.py: aiosmtpd on loopback that accepts every message
at once and counts it and its Message-ID -- no delay, no parsing beyond the header it counts.

    python bench/smtp_sink.py PORT

It runs in a process of its own, so that it does not share a GIL with the sender it measures.
It prints "ready" once it listens, then answers one command a line on stdin:

    stats  ->  received=<messages> distinct=<Message-IDs> missing=<messages without one>
               digest=<sha256 of the sorted distinct Message-IDs, one a line>
    reset  ->  ok

and stops at the end of its input (when the benchmark exits, however it exits).
"""

import hashlib
import re
import sys
import threading

from aiosmtpd.controller import Controller

HEADER_END = b"\r\n\r\n"
MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


class CountingHandler:
    def __init__(self):
        self.lock = threading.Lock()
        self.received = 0
        self.missing = 0
        self.ids = set()

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        end = content.find(HEADER_END)
        match = MESSAGE_ID.search(content, 0, end if end >= 0 else len(content))
        with self.lock:
            self.received += 1
            if match:
                self.ids.add(match.group(1))
            else:
                self.missing += 1
        return "250 Message accepted for delivery"

    def reset(self):
        with self.lock:
            self.received = 0
            self.missing = 0
            self.ids = set()

    def stats(self):
        with self.lock:
            received, missing, ids = self.received, self.missing, sorted(self.ids)
        digest = hashlib.sha256(b"\n".join(ids)).hexdigest()
        return f"received={received} distinct={len(ids)} missing={missing} digest={digest}"


def main():
    port = int(sys.argv[1])
    handler = CountingHandler()
    # A fixed server name: aiosmtpd would otherwise look up the machine's FQDN per connection.
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="bench-sink")
    controller.start()
    try:
        print("ready", flush=True)
        for line in sys.stdin:
            command = line.strip()
            if command == "stats":
                print(handler.stats(), flush=True)
            elif command == "reset":
                handler.reset()
                print("ok", flush=True)
            elif command:
                print(f"error unknown command {command!r}", flush=True)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()

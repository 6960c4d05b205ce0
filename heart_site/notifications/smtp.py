"""Handing one message to an SMTP server in steps, so that a crash can be told apart.

smtplib sends a message and its closing dot in one call. We send everything but the dot,
record in the database that the server now holds the whole message, then send the dot. A
worker that dies before that record leaves a message the server will discard (a transaction
without its dot is not delivered), which is safe to send again; one that dies after it has
most likely delivered the message, which must not be sent again by itself.
"""

import re
import smtplib
import socket

from django.core.mail.message import sanitize_address

_EOLS = re.compile(rb"\r\n|\n|\r(?!\n)")
_LEADING_DOT = re.compile(rb"(?m)^\.")


def smtp_session(connection):
    """The open smtplib session behind Django's SMTP backend, or None for other backends.

    The final dot goes out as its own small write after the rest of the message; with Nagle's
    algorithm on, TCP holds it until the server acknowledges the message, which the server
    delays (40 ms on Linux) because it has nothing to answer before the dot. That stall
    capped delivery at about 22 messages a second; TCP_NODELAY sends the dot at once.
    """
    session = getattr(connection, "connection", None)
    if not isinstance(session, smtplib.SMTP):
        return None
    if session.sock is not None and session.sock.family in (socket.AF_INET, socket.AF_INET6):
        session.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return session


def send_in_steps(session: smtplib.SMTP, email, *, on_handover) -> None:
    encoding = email.encoding or "utf-8"
    sender = sanitize_address(email.from_email, encoding)
    recipients = [sanitize_address(address, encoding) for address in email.recipients()]
    data = _LEADING_DOT.sub(b"..", _EOLS.sub(b"\r\n", email.message().as_bytes(linesep="\r\n")))
    if not data.endswith(b"\r\n"):
        data += b"\r\n"

    session.ehlo_or_helo_if_needed()
    code, reply = session.mail(sender)
    if code != 250:
        session.rset()
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for recipient in recipients:
        code, reply = session.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
    if len(refused) == len(recipients):
        session.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = session.docmd("DATA")
    if code != 354:
        session.rset()
        raise smtplib.SMTPDataError(code, reply)
    session.send(data)
    on_handover()
    session.send(b".\r\n")
    code, reply = session.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)

"""Container health check: GET http://127.0.0.1:8000/healthz, healthy only on 200.

Used by the Dockerfile's HEALTHCHECK and by compose.yaml (the slim image has no curl).
/healthz answers 200 while the database answers (also when Redis is down: "degraded") and
503 when it does not. Django rejects a Host header that is not in ALLOWED_HOSTS, so the
request names the first allowed host rather than 127.0.0.1. /healthz is exempt from
SECURE_SSL_REDIRECT, so plain HTTP is fine.
"""

import os
import sys
import urllib.request

URL = os.environ.get("HEALTHCHECK_URL", "http://127.0.0.1:8000/healthz")


def allowed_host():
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip()
        if host and host != "*":
            # ".example.org" allows example.org and its subdomains.
            return host.lstrip(".")
    return "localhost"


def main():
    request = urllib.request.Request(URL, headers={"Host": allowed_host()})
    try:
        with urllib.request.urlopen(request, timeout=4) as response:
            body = response.read(2000).decode("utf-8", "replace")
            status = response.status
    except Exception as exc:  # HTTPError (503), connection refused, timeout...
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1
    print(f"{status} {body}")
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())

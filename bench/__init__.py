"""Benchmark of the public pages (see README.md). Not part of the site, nor of the test run."""

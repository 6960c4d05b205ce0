"""Invitation tokens: 256 random bits, shown once in the invitee's email and stored only as
a SHA-256 hash, so a copy of the database cannot be used to answer in anyone's name."""

import hashlib
import secrets


def new_token():
    """A fresh (token, token_hash) pair."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()

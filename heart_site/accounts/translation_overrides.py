"""django-allauth strings whose Swedish translation we correct.

makemessages finds them here, so they land in our catalogue, which LOCALE_PATHS puts before
allauth's own. allauth's Swedish for the login page's sign-up hint says the opposite of the
English ("Already have an account? Then log in.") while the link leads to sign-up.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = [
    gettext_noop("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
]

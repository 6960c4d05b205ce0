from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Mail is printed to the console in development unless EMAIL_URL says otherwise.

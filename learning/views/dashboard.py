from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import translation

from .. import selectors
from .common import personal


@login_required
def dashboard_view(request):
    board = selectors.dashboard(user=request.user, language_code=translation.get_language())
    return personal(render(request, "learning/dashboard.html", {"board": board}))

"""The SWOT pages: "My SWOT boards", one board with its four quadrants, and the forms on it
(add an item, comment, vote; for facilitators hide, merge, invite and close). Plain HTML forms
that work without JavaScript; thin: the rules are in ``mapping.services.swot``.

A board that is not the visitor's answers 404, like one that does not exist. Every page is
about one person's boards, so no shared cache keeps it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..errors import MappingError, NotFound
from ..forms_swot import CommentForm, InviteForm, ItemActionForm, ItemForm, MergeForm, VoteForm
from ..models import Quadrant
from ..selectors import swot as selectors
from ..services import swot as services


def add_labels():
    return {
        Quadrant.STRENGTH: _("Add a strength"),
        Quadrant.WEAKNESS: _("Add a weakness"),
        Quadrant.OPPORTUNITY: _("Add an opportunity"),
        Quadrant.THREAT: _("Add a threat"),
    }


def personal(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def problem_page(request, error: MappingError, *, back_url=None):
    response = render(
        request,
        "mapping/swot/problem.html",
        {"message": error.message, "back_url": back_url},
        status=error.status,
    )
    return personal(response)


def board_or_404(request, board_id):
    board = selectors.visible_board(user=request.user, board_id=board_id)
    if board is None:
        raise Http404(_("This SWOT board does not exist, or you are not taking part in it."))
    return board


def board_url(board, anchor=""):
    return reverse("mapping:swot_board", args=[board.pk]) + (f"#{anchor}" if anchor else "")


def first_error(form) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return _("Check the form and try again.")


# --- Pages -------------------------------------------------------------------------------------


@login_required
@require_GET
def my_boards(request):
    boards = list(selectors.boards_for_user(user=request.user))
    language = translation.get_language()
    for board in boards:
        board.name = selectors.topic_name(board, language)
    return personal(render(request, "mapping/swot/my_boards.html", {"boards": boards}))


def render_board(request, board, *, problem=None, status=200):
    """The board page; ``problem`` is ``{"message", "field", "value", "item"|"quadrant"}`` after a
    refused form, to show in the error summary and beside the field, with what was typed."""
    member = selectors.membership(user=request.user, board=board)
    facilitator = selectors.is_facilitator(user=request.user, board=board, member=member)
    quadrants = selectors.board_quadrants(board=board, user=request.user, include_hidden=facilitator)
    labels = add_labels()
    for quadrant in quadrants:
        quadrant.add_label = labels[quadrant.key]
    context = {
        "board": board,
        "name": selectors.topic_name(board),
        "quadrants": quadrants,
        "facilitator": facilitator,
        "problem": problem,
        "all_items": [item for quadrant in quadrants for item in quadrant.items],
    }
    if facilitator:
        context.update(
            members=selectors.participants(board=board),
            invitations=selectors.pending_invitations(board=board),
            invite_form=(problem or {}).get("invite_form") or InviteForm(),
        )
    response = render(request, "mapping/swot/board.html", context, status=status)
    return personal(response)


@login_required
@require_GET
def board_detail(request, board_id):
    return render_board(request, board_or_404(request, board_id))


def _refused(request, board, error_message, *, status=400, **where):
    return render_board(request, board, problem={"message": error_message, **where}, status=status)


def _done(request, board, message, anchor=""):
    messages.success(request, message)
    return redirect(board_url(board, anchor))


# --- Participants' forms ---------------------------------------------------------------------


@login_required
@require_POST
def item_add(request, board_id):
    board = board_or_404(request, board_id)
    form = ItemForm(request.POST)
    quadrant = request.POST.get("quadrant", "")
    where = {"field": f"add-{quadrant}", "quadrant": quadrant, "value": request.POST.get("text", "")[:5000]}
    if not form.is_valid():
        if "quadrant" in form.errors:
            return _refused(request, board, _("Choose strengths, weaknesses, opportunities or threats."))
        return _refused(request, board, first_error(form), **where)
    try:
        item = services.swot_item_add(board=board, user=request.user, **form.cleaned_data)
    except MappingError as error:
        return _refused(request, board, error.message, status=error.status, **where)
    return _done(request, board, _("Your item is on the board."), f"item-{item.pk}")


def _item_of(board, form):
    item = selectors.board_item(board=board, item_id=form.cleaned_data["item"])
    if item is None:
        raise NotFound(_("This item is not on this board."))
    return item


@login_required
@require_POST
def comment_add(request, board_id):
    board = board_or_404(request, board_id)
    form = CommentForm(request.POST)
    item_id = request.POST.get("item", "")
    where = {"field": f"comment-{item_id}", "item": item_id, "value": request.POST.get("text", "")[:5000]}
    if not form.is_valid():
        if "item" in form.errors:
            return _refused(request, board, _("This item is not on this board."), status=404)
        return _refused(request, board, first_error(form), **where)
    try:
        item = _item_of(board, form)
        services.swot_comment_add(item=item, user=request.user, text=form.cleaned_data["text"])
    except MappingError as error:
        return _refused(request, board, error.message, status=error.status, **where)
    return _done(request, board, _("Your comment is added."), f"item-{item.pk}")


@login_required
@require_POST
def vote(request, board_id):
    board = board_or_404(request, board_id)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, board, _("This item is not on this board."), status=404)
    try:
        item = _item_of(board, form)
        voted = services.swot_vote_set(item=item, user=request.user, voted=form.cleaned_data["vote"])
    except MappingError as error:
        return _refused(request, board, error.message, status=error.status)
    return _done(
        request,
        board,
        _("Your vote is counted.") if voted else _("Your vote is taken back."),
        f"item-{item.pk}",
    )


# --- Facilitators' forms ---------------------------------------------------------------------


@login_required
@require_POST
def item_hide(request, board_id):
    board = board_or_404(request, board_id)
    form = ItemActionForm(request.POST)
    if not form.is_valid():
        return _refused(request, board, _("This item is not on this board."), status=404)
    try:
        item = _item_of(board, form)
        services.swot_item_hide(item=item, user=request.user, hidden=form.cleaned_data["hidden"])
    except MappingError as error:
        return _refused(request, board, error.message, status=error.status)
    message = _("The item is hidden from participants.") if item.hidden else _("The item is shown again.")
    return _done(request, board, message, f"item-{item.pk}")


@login_required
@require_POST
def item_merge(request, board_id):
    board = board_or_404(request, board_id)
    form = MergeForm(request.POST)
    item_id = request.POST.get("item", "")
    where = {"field": f"merge-{item_id}", "item": item_id}
    if not form.is_valid():
        if "item" in form.errors:
            return _refused(request, board, _("This item is not on this board."), status=404)
        return _refused(request, board, first_error(form), **where)
    try:
        item = _item_of(board, form)
        into = selectors.board_item(board=board, item_id=form.cleaned_data["into"])
        if into is None:
            raise MappingError(_("Items can only be merged with another item of the same board."))
        services.swot_items_merge(item=item, into=into, user=request.user)
    except MappingError as error:
        return _refused(request, board, error.message, status=error.status, **where)
    return _done(request, board, _("The items are merged."), f"item-{into.pk}")


@login_required
@require_POST
def board_close(request, board_id):
    board = board_or_404(request, board_id)
    try:
        services.swot_board_close(board=board, user=request.user)
    except MappingError as error:
        return _refused(request, board, error.message, status=error.status)
    return _done(request, board, _("The board is closed. Everyone can still read it."))


@login_required
@require_POST
def invite(request, board_id):
    board = board_or_404(request, board_id)
    form = InviteForm(request.POST)
    where = {"field": "id_emails", "invite_form": form}
    if not form.is_valid():
        return _refused(request, board, first_error(form), **where)
    try:
        created = services.swot_invite(
            board=board,
            user=request.user,
            emails=form.cleaned_data["emails"],
            language=translation.get_language(),
        )
    except MappingError as error:
        form.add_error("emails", error.message)
        return _refused(request, board, error.message, status=error.status, **where)
    if created:
        message = _("Invitations sent: %(count)s.") % {"count": len(created)}
    else:
        message = _("Everyone on the list was already invited; nobody new was invited.")
    return _done(request, board, message, "facilitation")


# --- Invitations -------------------------------------------------------------------------------

SESSION_KEY = "mapping_swot_invitation"


def private_link(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def invitation_link(request, token):
    """The emailed link: keep the token in the session and continue at an address without it,
    so it never stays in the history, a referrer or the login page's ``next``."""
    request.session[SESSION_KEY] = token[:200]
    return private_link(redirect("mapping:swot_invitation_accept"))


def invitation_accept(request):
    token = request.session.get(SESSION_KEY, "")
    if not request.user.is_authenticated:
        if not token:
            return private_link(problem_page(request, NotFound(_("Open the link in your invitation email."))))
        return private_link(redirect(f"{reverse('account_login')}?next={request.path}"))
    if request.method not in ("GET", "POST"):
        raise Http404
    try:
        if request.method == "POST":
            board = services.swot_invitation_accept(token=token, user=request.user)
            request.session.pop(SESSION_KEY, None)
            return _done(request, board, _("Welcome. You are now taking part in this SWOT analysis."))
        invitation = services.swot_invitation_find(token=token)
    except MappingError as error:
        return private_link(problem_page(request, error, back_url=reverse("mapping:swot_boards")))
    context = {"invitation": invitation, "name": selectors.topic_name(invitation.board)}
    return private_link(render(request, "mapping/swot/invitation.html", context))

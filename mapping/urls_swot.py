"""The SWOT pages under /<lang>/mapping/swot/ (composed into mapping/urls.py)."""

from django.urls import path

from .views import swot, swot_export

urlpatterns = [
    path("swot/", swot.my_boards, name="swot_boards"),
    # Before the token pattern, which would otherwise take "accept" for a token.
    path("swot/invitations/accept/", swot.invitation_accept, name="swot_invitation_accept"),
    path("swot/invitations/<str:token>/", swot.invitation_link, name="swot_invitation"),
    path("swot/topics/<slug:slug>/", swot_export.combined, name="swot_combined"),
    path("swot/topics/<slug:slug>/print/", swot_export.combined_print, name="swot_combined_print"),
    path("swot/topics/<slug:slug>/export.xlsx", swot_export.combined_export, name="swot_combined_export"),
    path("swot/<int:board_id>/", swot.board_detail, name="swot_board"),
    path("swot/<int:board_id>/items/", swot.item_add, name="swot_item_add"),
    path("swot/<int:board_id>/comments/", swot.comment_add, name="swot_comment_add"),
    path("swot/<int:board_id>/votes/", swot.vote, name="swot_vote"),
    path("swot/<int:board_id>/hide/", swot.item_hide, name="swot_item_hide"),
    path("swot/<int:board_id>/merge/", swot.item_merge, name="swot_item_merge"),
    path("swot/<int:board_id>/close/", swot.board_close, name="swot_close"),
    path("swot/<int:board_id>/invite/", swot.invite, name="swot_invite"),
    path("swot/<int:board_id>/print/", swot_export.board_print, name="swot_print"),
    path("swot/<int:board_id>/export.xlsx", swot_export.board_export, name="swot_export"),
]

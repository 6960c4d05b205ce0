import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from heart_site.core.models import BasePage, Theme

TIME_ZONES = sorted(
    (name, name) for name in zoneinfo.available_timezones() if name.startswith(("Europe/", "UTC"))
)


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = ["intro"]
    subpage_types = ["network.EventPage"]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event list")

    @path("")
    def upcoming(self, request):
        from ..views.events import event_list

        return event_list(request, self)

    # Wagtail serves page paths made of [\w-]+/ segments only, so "calendar.ics" could never be
    # reached; the file name comes with the response (Content-Disposition).
    @path("ical/", name="feed")
    def calendar_feed(self, request):
        from ..views.events import event_feed

        return event_feed(request, self)

    @property
    def intro_text(self):
        return self.intro


class EventPage(RoutablePageMixin, BasePage):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar")
        TRAINING = "training", _("Training")
        STUDY_VISIT = "study_visit", _("Study visit")
        NETWORK_MEETING = "network_meeting", _("Network meeting")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SEMINAR)
    summary = models.TextField(_("summary"), max_length=600)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=60, choices=TIME_ZONES, default="Europe/Stockholm"
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Sent to registered people; not shown publicly.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        max_length=2000,
        help_text=_(
            "Step-free access, hearing loop, interpretation, quiet room, how to ask for adjustments."
        ),
    )
    capacity = models.PositiveIntegerField(_("places"), default=0, help_text=_("0 means no limit."))
    registration_open = models.BooleanField(_("registration open"), default=True)
    organiser = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    body = RichTextField(
        _("programme and details"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("time_zone")], heading=_("When")
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("accessibility"),
            ],
            heading=_("Where and how"),
        ),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Registration")),
        FieldPanel("organiser"),
        FieldPanel("themes"),
        FieldPanel("body"),
    ]
    override_translatable_fields = [
        SynchronizedField("starts_at", overridable=False),
        SynchronizedField("ends_at", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("registration_open", overridable=False),
        SynchronizedField("online_url", overridable=False),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("starts_at"),
    ]
    api_fields = [
        "kind",
        "summary",
        "starts_at",
        "ends_at",
        "time_zone",
        "venue",
        "address",
        "accessibility",
        "capacity",
    ]
    parent_page_types = ["network.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})

    @property
    def intro_text(self):
        return self.summary

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @path("")
    def detail(self, request):
        from ..views.events import event_detail

        return event_detail(request, self)

    @path("register/")
    def register(self, request):
        from ..views.events import event_register

        return event_register(request, self)

    @path("ical/", name="ics")
    def ics(self, request):
        from ..views.events import event_ics

        return event_ics(request, self)

    @re_path(r"^registration/(?P<action>confirm|cancel)/(?P<token>[A-Za-z0-9_:\-]+)/$")
    def registration_link(self, request, action, token):
        from ..views.events import registration_link

        return registration_link(request, self, action, token)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED])

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("waitlisted_at", "pk")


class Registration(models.Model):
    """A place at an event. The event's source-language page is the one registrations point at,
    so a Swedish and an English registration share one capacity."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(max_length=10, default="sv")
    needs = models.TextField(
        _("access needs"), blank=True, max_length=1000, help_text=_("What would help you take part?")
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminder_queued_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            # One live registration per address and event; a cancelled one may be followed by a new one.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_live_registration_per_email",
            )
        ]
        permissions = [("manage_registrations", _("Can see attendees, export them and record attendance"))]

    def __str__(self):
        return f"{self.name} – {self.event_id} ({self.status})"

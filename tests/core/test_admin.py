"""Editors create every page type through the Wagtail admin, with the forms they really see."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from heart_site.core.models import AccessibilityStatementPage, HomePage, StandardPage, Theme
from heart_site.news.models import NewsIndexPage, NewsPage
from tests.factories.pages import NewsIndexPageFactory, build_site
from tests.factories.users import UserFactory


@pytest.mark.django_db
class TestPageCreationInAdmin(WagtailPageTestCase):
    def setUp(self):
        self.home_sv, self.home_en = build_site()
        self.login()

    def body(self):
        return streamfield(
            [
                ("heading", {"text": "Rubrik", "level": "h2"}),
                ("paragraph", rich_text("<p>Text</p>")),
                ("quote", {"text": "Citat", "attribution": "Någon"}),
            ]
        )

    def test_home_page_can_be_created_under_the_root(self):
        # One home per language: a new one only once the others are gone (translations of
        # the home are made with wagtail-localize, not created anew).
        self.home_en.delete()
        self.home_sv.delete()
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data({"title": "Hem", "slug": "hem2", "intro": "", "body": streamfield([])}),
        )

    def test_standard_page(self):
        data = nested_form_data({"title": "Om", "slug": "om", "intro": "Inledning", "body": self.body()})
        self.assertCanCreate(self.home_sv, StandardPage, data)

    def test_accessibility_statement(self):
        data = nested_form_data(
            {
                "title": "Tillgänglighetsredogörelse",
                "slug": "tillganglighet",
                "intro": "",
                "compliance": "partial",
                "body": streamfield([]),
                "known_issues": rich_text("<p>PDF-filer</p>"),
                "feedback_email": "a11y@example.org",
                "prepared_on": "2026-01-01",
                "reviewed_on": "2026-06-01",
            }
        )
        self.assertCanCreate(self.home_sv, AccessibilityStatementPage, data)

    def test_news_index_and_news_page(self):
        self.assertCanCreate(
            self.home_sv,
            NewsIndexPage,
            nested_form_data({"title": "Nyheter", "slug": "nyheter", "intro": ""}),
        )
        index = NewsIndexPage.objects.get(slug="nyheter")
        theme = Theme.objects.get(slug="age", locale__language_code="sv")
        fields = nested_form_data(
            {
                "title": "Nyhet",
                "slug": "nyhet",
                "date": datetime.date(2026, 5, 1).isoformat(),
                "summary": "Kort",
                "image": "",
                "image_alt": "",
                "body": self.body(),
                "tags": "likabehandling, seminarium",
            }
        )
        # A multiple choice is a repeated form field, not a nested one.
        self.assertCanCreate(index, NewsPage, {**fields, "themes": [theme.pk]})
        page = NewsPage.objects.get(slug="nyhet")
        self.assertEqual(list(page.themes.all()), [theme])
        self.assertEqual(sorted(t.name for t in page.tags.all()), ["likabehandling", "seminarium"])

    def test_page_type_rules(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(AccessibilityStatementPage, {HomePage})


@pytest.mark.django_db
def test_news_image_needs_alt_text(site_tree):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    home_sv, _ = site_tree
    index = NewsIndexPageFactory(parent=home_sv)
    image = Image.objects.create(title="Bild", file=get_test_image_file())
    page = NewsPage(title="Med bild", slug="med-bild", summary="S", image=image, image_alt="  ", body=[])
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert "image_alt" in error.value.message_dict


@pytest.mark.django_db
def test_video_block_requires_captions_and_a_webvtt_file(site_tree):
    from django.core.files.base import ContentFile
    from wagtail.blocks import StructBlockValidationError
    from wagtail.documents.models import Document

    from heart_site.core.blocks import VideoBlock

    video = Document.objects.create(title="Film", file=ContentFile(b"x", name="film.mp4"))
    not_vtt = Document.objects.create(title="Text", file=ContentFile(b"x", name="captions.srt"))
    vtt = Document.objects.create(title="Text", file=ContentFile(b"WEBVTT", name="captions.vtt"))
    block = VideoBlock()
    base = {
        "title": "Film",
        "video": video,
        "captions_language": "sv",
        "transcript": {"page": None, "url": "https://example.org/t"},
    }

    with pytest.raises(StructBlockValidationError) as missing:
        block.clean(
            block.to_python({**base, "video": video.pk, "captions": None, "transcript": base["transcript"]})
        )
    assert "captions" in missing.value.block_errors
    with pytest.raises(StructBlockValidationError) as wrong:
        block.clean({**base, "captions": not_vtt})
    assert "captions" in wrong.value.block_errors
    assert block.clean({**base, "captions": vtt})["captions"] == vtt


@pytest.mark.django_db
def test_staff_groups_exist_with_fitting_permissions():
    translators = Group.objects.get(name="Translators")
    codenames = set(translators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation", "change_theme"} <= codenames
    assert "delete_theme" not in codenames
    moderators = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    assert {"add_theme", "change_theme", "delete_theme"} <= moderators
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert "delete_theme" not in editors and "access_admin" in editors


@pytest.mark.django_db
def test_a_translator_can_reach_the_admin_but_not_publish_in_the_source_tree(client, site_tree):
    home_sv, _ = site_tree
    translator = UserFactory(is_staff=True)
    translator.groups.add(Group.objects.get(name="Translators"))
    client.force_login(translator)
    assert client.get("/admin/").status_code == 200
    permissions = home_sv.permissions_for_user(translator)
    assert permissions.can_edit()
    assert not permissions.can_publish()

import pytest

from heart_site.notifications.services.emails import render_email


@pytest.fixture
def email_templates(settings, tmp_path):
    folder = tmp_path / "templates" / "probe"
    folder.mkdir(parents=True)
    (folder / "note_subject.txt").write_text("About {{ title }}")
    (folder / "note_body.txt").write_text("Hello {{ name }}, see {{ title }}.")
    (folder / "note_body.html").write_text("<p>Hello {{ name }}, see {{ title }}.</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]


def test_plain_text_parts_are_not_html_escaped_but_the_html_part_is(email_templates):
    email = render_email(
        "probe/note",
        to="a@example.org",
        language="en",
        context={"name": "Ann <Admin>", "title": "H&M's plan"},
    )
    assert email.subject == "About H&M's plan"
    assert "Hello Ann <Admin>, see H&M's plan." in email.text
    assert "Ann &lt;Admin&gt;" in email.html and "H&amp;M" in email.html

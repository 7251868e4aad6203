"""UI catalogues: every text exists in Korean and English, and locales map to them."""

from __future__ import annotations

import string

from bot.i18n import catalogue, language_for, t


def test_catalogues_have_the_same_keys_and_placeholders():
    """A key missing in one language would show raw keys to those users."""
    korean, english = catalogue("ko"), catalogue("en")
    assert set(korean) == set(english)
    for key in korean:
        fields_ko = {name for _, name, _, _ in string.Formatter().parse(korean[key]) if name}
        fields_en = {name for _, name, _, _ in string.Formatter().parse(english[key]) if name}
        assert fields_ko == fields_en, key


def test_locale_to_language():
    assert language_for("en-US") == "en"
    assert language_for("ko") == "ko"
    assert language_for("fr", default="en") == "en"
    assert language_for(None) == "ko"
    assert t("en", "answer.recorded", letter="B") == "Recorded: B"
    assert t("ko", "answer.already", letter="C") == "이미 답했습니다: C"

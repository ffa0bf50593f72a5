"""Recall-margin rules of session 16 (broken-image, small-target, text-overlap), on drawn images."""
from __future__ import annotations

import numpy as np

from vision.defects import broken_image, small
from vision.defects.pixels import TextInfo


def _covered_frame(header_ground: int, border: int | None) -> np.ndarray:
    """A white page; a broken image's silver frame at (40, 0)-(268, 140) whose top lies under a
    header 100 rows tall; the header's ground and, optionally, a one-row border at its bottom."""
    img = np.full((300, 400, 3), 255, np.uint8)
    img[0:141, 40] = img[0:141, 268] = img[140, 40:269] = broken_image.FRAME
    img[0:100] = header_ground
    if border is not None:
        img[97] = border
    return img


def test_a_frame_under_a_near_white_header_with_a_border_line_is_broken_image() -> None:
    """The header's ground is a shade off the page's white; its edge is a grey border line two
    rows over where the frame's sides stop."""
    found = broken_image.detect(_covered_frame(254, 232), [])
    assert [f.bbox for f in found] == [[40, 100, 229, 41]]


def test_a_frame_under_a_plain_dark_header_is_still_broken_image() -> None:
    """The control: a header unlike the page right over the frame's sides."""
    assert [f.bbox for f in broken_image.detect(_covered_frame(40, None), [])] == [[40, 100, 229, 41]]


def test_sides_stopping_under_nothing_but_the_page_are_no_covered_frame() -> None:
    """Sides that stop under rows of the page's own white (no edge of a covering element within
    three rows) are some other box's lines."""
    assert broken_image.detect(_covered_frame(255, None), []) == []


LINK = (0, 0, 238)
EDGE = (71, 71, 243)  # the link's blue a quarter mixed into the white ground: a glyph's soft edge


def _button_over_link(neighbour: tuple[int, int, int]) -> tuple[np.ndarray, TextInfo]:
    """A blue 15 px close button with a white x drawn over a line of link text, a stroke in
    `neighbour` two pixels right of it (where a covered letter's edge shows)."""
    img = np.full((80, 300, 3), 255, np.uint8)
    for sx in range(70, 110, 6):  # the link's letters left of the button: stems with soft edges
        img[33:45, sx] = LINK
        img[33:45, sx + 1] = EDGE
    x, y = 120, 31
    img[y:y + 15, x:x + 15] = (37, 99, 235)
    for k in range(4, 11):  # the x
        img[y + k, x + k] = img[y + k, x + 14 - k] = 255
    img[y + 3:y + 11, x + 17:x + 19] = neighbour
    t = TextInfo("Creative Commons video", (60, 25, 200, 29), (62, 29, 196, 21), (255, 255, 255), 0.95, LINK,
                 8.0, 16, 9, 0.97)
    return img, t


def test_a_button_beside_the_soft_edge_of_the_links_own_letters_is_a_control() -> None:
    """The covered letter's edge is a shade of the line's own ink on its ground, which the
    button's paint is not: no letter of the button's colour."""
    img, t = _button_over_link(EDGE)
    assert [i.bbox for i in small.detect_targets(img, [t])] == [[120, 31, 15, 15]]


def test_a_shape_beside_a_letter_of_its_own_paint_is_still_a_letter() -> None:
    """The control: a stroke in the shape's own colour right beside it makes it part of a word."""
    img, t = _button_over_link((37, 99, 235))
    assert small.detect_targets(img, [t]) == []


SANS = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"


def _line_with_small_word(small_px: int) -> tuple[np.ndarray, TextInfo]:
    """A 16 px line whose word "released" is set at `small_px`, on the same baseline."""
    from PIL import Image, ImageDraw, ImageFont

    from vision.defects.pixels import text_info
    from vision.ocr import TextLine

    page = Image.new("RGB", (600, 60), "white")
    draw = ImageDraw.Draw(page)
    big, small_font = ImageFont.truetype(SANS, 16), ImageFont.truetype(SANS, small_px)
    x, base = 20.0, 20 + big.getmetrics()[0]
    for words, font in (("Versions have been ", big), ("released", small_font), (" today for all users", big)):
        draw.text((x, base - font.getmetrics()[0]), words, font=font, fill=(20, 20, 20))
        x += draw.textlength(words, font=font)
    img = np.asarray(page).copy()
    t = text_info(img, TextLine("Versions have been released today for all users", (16, 14, int(x) - 12, 28), 0.98))
    assert t is not None
    return img, t


def test_an_11px_word_in_a_16px_line_is_small_text() -> None:
    """Its x-height band (6 px, whole pixels) reads as 11.3 px, in doubt by a pixel like a line's:
    under 11.5 px and far smaller than the line's other words, it is small."""
    img, t = _line_with_small_word(11)
    assert [i.category for i in small.detect_text([t], img)] == ["small-text"]


def test_a_12px_word_in_a_16px_line_is_not_small_text() -> None:
    img, t = _line_with_small_word(12)
    assert small.detect_text([t], img) == []


BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"


def _bold_lines(top: str, bottom: str | None) -> tuple[np.ndarray, TextInfo]:
    """`top` in 15 px bold, and `bottom` drawn 9 px under it (less than a line), read as one
    doubtful line."""
    from PIL import Image, ImageDraw, ImageFont

    from vision.defects.pixels import text_info
    from vision.ocr import TextLine

    page = Image.new("RGB", (400, 80), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(BOLD, 15)
    draw.text((20, 20), top, font=font, fill=(13, 54, 133))
    if bottom is not None:
        draw.text((50, 29), bottom, font=font, fill=(13, 54, 133))
    img = np.asarray(page).copy()
    t = text_info(img, TextLine("Sign UarNaWls here", (12, 12, 200, 44), 0.72))
    assert t is not None
    return img, t


def test_two_lines_whose_upper_one_is_mostly_capitals_collide() -> None:
    """'Sign Up Now' stands apart mostly in capitals: its x-height top is where its two
    lowercase letters' tops meet, not the capitals' tops, and it steps down with the baseline."""
    from vision.defects import text_overlap

    img, t = _bold_lines("Sign Up Now", "New arrivals here")
    assert [i.category for i in text_overlap.detect([t], img)] == ["text-overlap"]


def test_one_bold_line_with_descenders_is_no_collision() -> None:
    from vision.defects import text_overlap

    img, t = _bold_lines("Sign up today, enjoy your gifts", None)
    assert text_overlap.detect([t], img) == []

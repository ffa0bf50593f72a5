"""text-truncation, stop 19 (2026-12-01). Pages are rendered in Chromium and each line is boxed the
way the page OCR boxes it, with the text the recogniser read."""
from __future__ import annotations

from debug_pages import assert_truncation_reads, clip_at, read_line, render_with_boxes
from vision.defects import truncation

SPACED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; } a { color: #1a5e9a; }
.cut { display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
</style></head><body>
<p id="amp"><a href="#" class="cut" style="max-width: 92px">Media &amp; Entertainment</a>, <a href="#">Publishing</a>
and several other areas.</p>
<p id="slash">including experimental <a href="#" class="cut" style="max-width: 62px">HTTP/3 support</a>, HTTP/2 on a
per-server basis,</p>
<p id="path">Put the files in src/... and run the build</p>
</body></html>"""


def _found(img, box, read: str):
    return truncation.detect(img, [read_line(img, box, read)])


def test_an_ellipsis_inside_a_sentence_its_stop_read_a_space_off():
    """A link clipped with an ellipsis inside a sentence keeps the width it was given, so the
    sentence's comma stands a space off the ellipsis and is read so ("Media & ... , Publishing",
    "HTTP/... , HTTP/2"); nothing written ends on "&" or on "/" before a comma: found, the box
    ending at the ellipsis. A path's "src/..." in prose, with no stop after it, is not."""
    img, boxes = render_with_boxes(SPACED, ("amp", "slash", "path"), height=200)
    assert_truncation_reads(img, boxes, (("amp", "Media & ... , Publishing and several other areas.", ["text-truncation"]),
                                         ("slash", "including experimental HTTP/... , HTTP/2 on a per-server basis,",
                                          ["text-truncation"]),
                                         ("path", "Put the files in src/... and run the build", [])), end_share=0.75)


# at(id, k, share): the element ends `share` of the way into its k-th character
HEADS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #edeef0; color: #000; font: bold 32px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
.clip { display: inline-block; overflow: hidden; vertical-align: bottom; }
.caps { font-size: 20px; letter-spacing: 1.5px; color: #666; }
</style></head><body>
<div style="top: 30px"><span id="stem" class="clip">VK for mobile devices</span></div>
<div style="top: 90px"><span id="whole">VK for mail</span></div>
<div style="top: 150px"><span id="email">Email</span></div>
<div style="top: 210px" class="caps"><span id="caps" class="clip">DATA SOLUTIONS</span></div>
<div style="top: 260px" class="caps"><span id="sovrn">VISIT SOVRN</span></div>
<div style="top: 310px" class="caps"><span id="capw">DATA SOLUTIONS</span></div>
</body></html>"""


def test_a_last_stem_cut_thinner_than_its_words_others():
    """"mobile" clipped through the stem of its l, so that "mobil" ends in a stem a third as heavy
    as the b's and the i's, cut square: found. Words ending in a whole l ("mail", "Email") are
    not. ("mobil" in small letters is also a cut word by the word list since a95b98d, a name it
    holds only capitalised.)"""
    img, boxes = render_with_boxes(HEADS, ("stem", "whole", "email"), height=400,
                                   before=clip_at(("stem", 11, 0.45)))
    assert_truncation_reads(img, boxes, (("stem", "VK for mobil", ["text-truncation"]), ("whole", "VK for mail", []),
                                         ("email", "Email", [])))


def test_a_heading_in_capitals_cut_between_letters():
    """A heading in capitals clipped between the U and the T of "SOLUTIONS" ("DATA SOLU"): the
    last word begins an English word without being one, the word before is English: found. An
    acronym after an English word ("VISIT SOVRN") and the whole heading are not."""
    img, boxes = render_with_boxes(HEADS, ("caps", "sovrn", "capw"), height=400,
                                   before=clip_at(("caps", 9, 1.05)))
    assert_truncation_reads(img, boxes, (("caps", "DATA SOLU", ["text-truncation"]), ("sovrn", "VISIT SOVRN", []),
                                         ("capw", "DATA SOLUTIONS", [])))


LINES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #323c47; font: bold 22px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
.clip { display: inline-block; overflow: hidden; vertical-align: bottom; }
a { color: #1a7ac0; }
.foot { position: absolute; top: 230px; left: 0; right: 0; height: 110px; background: #1e1e1e;
  font: 15px 'Liberation Sans', sans-serif; color: #bbb; }
</style></head><body>
<div style="top: 30px"><span id="to" class="clip">Enter your QuickConnect ID to access your NAS</span></div>
<div style="top: 110px"><a href="#" id="goal" class="clip">Reach Our Goal of 24 Drives!</a></div>
<div style="top: 170px; font-weight: normal"><span id="note">Read the release note :</span></div>
<div class="foot"><div style="top: 20px"><span id="temu">About Temu</span></div>
<div style="top: 60px"><span id="app">Get the Temu App</span></div></div>
</body></html>"""


def test_a_phrase_ending_on_to_after_a_name():
    """Clipped at the word gap after "to": the phrase cannot end there, and the product's name the
    word list lacks ("QuickConnect") inside the sentence does not stop the words before vouching
    for English: found."""
    img, boxes = render_with_boxes(LINES, ("to",), height=360,
                                   before=clip_at(("to", 29, 0.9)))
    found = _found(img, boxes["to"], "Enter your QuickConnect ID to")
    assert [i.category for i in found] == ["text-truncation"], (boxes["to"], [i.message for i in found])


def test_a_slice_of_a_digit_read_as_a_colon():
    """An underlined link clipped through the "2" of "24": its two sliced strokes were read as a
    colon, yet the upper one rises well above the x-height band, where a colon's dot never is:
    found. A colon set after a space in a sentence's own ink is not."""
    img, boxes = render_with_boxes(LINES, ("goal", "note"), height=360,
                                   before=clip_at(("goal", 18, 0.35)))
    assert_truncation_reads(img, boxes, (("goal", "Reach Our Goal of :", ["text-truncation"]),
                                         ("note", "Read the release note :", [])))


def test_a_name_the_screen_shows_whole_elsewhere():
    """"About Temu": "Temu" is no English word but begins one ("temulence"), so alone the line looks
    cut; another line of the screen shows the same word whole with text after it ("Get the Temu
    App"), so it is the page's own name: no finding then."""
    img, boxes = render_with_boxes(LINES, ("temu", "app"), height=360)
    about, app = read_line(img, boxes["temu"], "About Temu"), read_line(img, boxes["app"], "Get the Temu App")
    assert [i.category for i in truncation.detect(img, [about])] == ["text-truncation"]
    assert truncation.detect(img, [about, app]) == []


QUOTED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #333; background: #fff; }
p { white-space: nowrap; margin: 0 0 24px 0; }
</style></head><body>
<p><span id="quoted">Change its HTML to 'Next Step...'</span></p>
<p><span id="cut" style="display: inline-block; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom;
max-width: 160px">Change its HTML to 'Next Step'</span></p>
</body></html>"""


def test_an_ellipsis_inside_a_quotation_the_line_closes():
    """Copy quoting text with its own ellipsis, the closing quote dropped by the recogniser
    ("to 'Next Step.."): a quote opened a word before, and a narrow mark hangs from the line's top
    past the dots: no finding. A line cut with an ellipsis inside the quotation still is one."""
    img, boxes = render_with_boxes(QUOTED, ("quoted", "cut"), height=200)
    assert_truncation_reads(img, boxes, (("quoted", "Change its HTML to 'Next Step..", []),
                                         ("cut", "Change its HTML to 'Ne...", ["text-truncation"])))


STEP = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #4a5cff; font: 44px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body>
<div style="top: 30px"><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom">One
more step</span></div>
<div style="top: 120px"><span id="whole">One more</span></div>
</body></html>"""


def test_a_cut_word_run_together_with_the_word_before():
    """A large heading clipped after the r of "more", read with its word space dropped ("Onemor"):
    the ink shows two words, split where "One" ends, and "mor" begins a word without being one:
    found. The whole "One more" read "Onemore" is not."""
    img, boxes = render_with_boxes(STEP, ("cut", "whole"), height=220,
                                   before=clip_at(("cut", 7, 0)))
    assert_truncation_reads(img, boxes, (("cut", "Onemor", ["text-truncation"]), ("whole", "Onemore", [])))


FOOTER = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f1f2f2; color: #636466; font: 15px 'DejaVu Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body>
<div style="top: 30px">About · Careers · Press · <span id="cut" style="display: inline-block; overflow: hidden;
vertical-align: bottom">© Quora, Inc. 2024</span></div>
<div style="top: 80px"><span id="whole">About · Careers · Press · © Quora, Inc.</span></div>
</body></html>"""


def test_a_lone_capital_after_a_comma_read_without_spaces():
    """A footer's links parted by middle dots, the last clipped after the I of "Inc.", read with
    no spaces ("About·Careers·Press·©Quora,I"): the dots and the comma part words as spaces do, so
    the line stops at a lone capital: found. The whole footer is not."""
    img, boxes = render_with_boxes(FOOTER, ("cut", "whole"), height=140,
                                   before=clip_at(("cut", 9, 1.0)))
    row = [boxes["whole"][0], boxes["cut"][1], boxes["cut"][0] + boxes["cut"][2] - boxes["whole"][0], boxes["cut"][3]]
    for box, read, want in ((row, "About·Careers·Press·©Quora,I", ["text-truncation"]),
                            (boxes["whole"], "About·Careers·Press·©Quora,Inc.", [])):
        found = _found(img, box, read)
        assert [i.category for i in found] == want, (read, box, [i.message for i in found])


LONE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #000; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; } a { color: #00e; }
</style></head><body>
<p id="cut">the mainline branch, including experimental <a href="#" id="link" style="display: inline-block;
overflow: hidden; vertical-align: bottom">HTTP/3 support</a>, HTTP/2 on a per-server basis,</p>
<p id="unit">Retry within 3 s, then reload the page</p>
<p id="list">Set x, y and z to zero in the form</p>
</body></html>"""


def test_a_lone_small_letter_glued_to_a_comma_inside_a_sentence():
    """A link clipped after the first letter of its last word, the sentence's comma right after
    it, read "HTTP/3 s, HTTP/2" (or with the next letter's sliver, "HTTP/3 si,"): English has no
    one-letter word but "a", and "si" is a rare pair, so found, the box ending at the fragment. A
    unit after a number ("3 s,") and a list of letters ("x, y and z") are not."""
    img, boxes = render_with_boxes(LONE, ("cut", "unit", "list", "link"), height=200,
                                   before=clip_at(("link", 7, 1.0)))
    assert_truncation_reads(img, boxes, (("cut", "the mainline branch, including experimental HTTP/3 s, HTTP/2 on a per-server basis,",
                                          ["text-truncation"]),
                                         ("cut", "the mainline branch, including experimental HTTP/3 si, HTTP/2 on a per-server basis,",
                                          ["text-truncation"]),
                                         ("unit", "Retry within 3 s, then reload the page", []),
                                         ("list", "Set x, y and z to zero in the form", [])), end_share=0.7)


NEWS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #000; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; } a { color: #00e; }
</style></head><body>
<p id="cut">2024-02-14 nginx-1.25.4 mainline version has been released, with fixes for <a href="#" id="link"
style="display: inline-block; overflow: hidden; vertical-align: bottom">vulnerabilities in HTTP/3</a> (CVE-2024-24989,
CVE-2024-31079)</p>
</body></html>"""


def test_a_word_cut_inside_a_sentence_beside_a_version_string():
    """A link clipped inside a sentence after "vulnerabilitie", read with the bracket after it
    spaced or glued ("vulnerabilitie(CVE-", also as the last word read): found, the box ending at
    the fragment. The release's
    name run into its date and version ("2024-02-14nginx-1.25.4") is no sign of a misread line."""
    img, boxes = render_with_boxes(NEWS, ("cut", "link"), height=120,
                                   before=clip_at(("link", 13, 1.0)))
    for read in ("2024-02-14nginx-1.25.4 mainline version has been released, with fixes for vulnerabilitie "
                 "(CVE-2024-24989, CVE-2024-31079)",
                 "2024-02-14nginx-1.25.4 mainline version has been released, with fixes for vulnerabilitie(CVE-2024-24989, "
                 "CVE-2024-31079)",
                 "2024-02-14nginx-1.25.4 mainline version has been released, with fixes for vulnerabilitie(CVE-2024-24989,"):
        found = _found(img, boxes["cut"], read)
        assert [i.category for i in found] == ["text-truncation"], (read, [i.message for i in found])
        x, _, w, _ = boxes["cut"]
        if read.endswith(")"):  # the box read is the whole line's
            assert found[0].bbox[0] + found[0].bbox[2] < x + 0.8 * w


WRAPPED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 20px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { width: 540px; margin: 0 0 30px 0; } a { color: #38488f; }
</style></head><body>
<p id="cut">If you have questions about the purpose of this domain, or about Sovrn, please read our <a href="#"
id="doc" style="display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
vertical-align: bottom; max-width: 114px">support documentation</a></p>
<p id="own">We have served more than twelve thousand happy customers across the world and counting...</p>
</body></html>"""
LINES_JS = """(id) => { const g = document.createRange(); g.selectNodeContents(document.getElementById(id));
  return Array.from(g.getClientRects()).filter(r => r.width > 5).map(r => [r.left, r.top, r.width, r.height]); }"""


def test_an_ellipsis_after_a_fragment_on_a_wrapped_paragraphs_last_line():
    """A link at the end of a wrapped paragraph clipped with an ellipsis after one letter ("read our
    support d..."): the last line of a wrapped paragraph may end in copy's own ellipsis, but copy
    writes it after whole words, so found. A paragraph whose last line ends "and counting..." is
    not."""
    from codegen.render import get_renderer

    rects = {}

    def page_fn(p):
        for k in ("cut", "own"):
            rects[k] = p.evaluate(LINES_JS, k)
        rects["doc"] = p.evaluate("() => { const r = document.getElementById('doc').getBoundingClientRect(); "
                                  "return r.right; }")

    img = get_renderer().render(html=WRAPPED, width=720, height=300, full_page=False, mobile_check=False,
                                page_fn=page_fn, timeout_s=20).image
    for key, reads, want in (("cut", ("If you have questions about the purpose of this domain, or",
                                      "about Sovrn, please read our support d..."), ["text-truncation"]),
                             ("own", ("We have served more than twelve thousand happy",
                                      "customers across the world and counting..."), [])):
        lines = _merge(rects[key])
        if key == "cut":  # the clipped link's text runs on past its box: the line ends where the box does
            lines[-1][2] = rects["doc"] - lines[-1][0]
        infos = [read_line(img, box, text) for box, text in zip(lines, reads)]
        found = truncation.detect(img, infos)
        assert [i.category for i in found] == want, (key, lines, [i.message for i in found])


def _merge(rects: list) -> list:
    """Client rects of a paragraph's text merged into one box per line (by their top)."""
    rows: dict = {}
    for x, y, w, h in rects:
        k = round(y)
        a = rows.get(k)
        rows[k] = [min(x, a[0]), y, max(x + w, a[0] + a[2]) - min(x, a[0]), max(h, a[3])] if a else [x, y, w, h]
    return [rows[k] for k in sorted(rows)]

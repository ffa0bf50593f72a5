"""The DOM checks' misalignment: a member centred in its parent well away from the stack's left
edge (a logo or an icon over a column) is aligned another way and does not vote on the stack's
edge. Counted as a member, it left the column short of two thirds of the votes, and a paragraph
7 px off its two siblings went unreported (benchmark pages 2105 and 94)."""
from __future__ import annotations

from codegen.debug.pipeline import dom_findings

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; }
.col { width: 600px; margin: 30px 40px; padding: 0 20px; }
.col > * { display: block; }
.logo { width: 160px; height: 60px; margin: 0 auto 10px; background: #f90; }
.fixed > div, .fixed > button { width: 320px; margin: 6px auto; }
</style></head><body>
<div class="col" id="footer"><img class="logo" alt="Example" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 4 1'%3E%3Crect width='4' height='1' fill='%23f90'/%3E%3C/svg%3E"><nav>Privacy Policy - Terms - Contact</nav>
<p id="moved" style="position: relative; left: 7px">Copyright 2024, Example Services</p><p>Example Services is part of Example</p></div>
<div class="col fixed" id="notice"><svg class="logo" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>
<div>Page unavailable</div><div id="shifted" style="position: relative; left: 9px">Sorry, we found a problem with this page</div>
<button>Sign in to report it</button></div>
<div class="col" id="design"><svg class="logo" viewBox="0 0 10 10"><rect width="10" height="10"/></svg><p>An aligned paragraph</p><p>Another aligned paragraph</p>
<blockquote style="margin: 0 0 0 40px">A quotation set in by its own margin</blockquote></div>
</body></html>"""


def test_a_member_off_its_column_is_found_beside_a_centred_logo(tmp_path):
    page = tmp_path / "stacks.html"
    page.write_text(PAGE, encoding="utf-8")
    found = [f for f in dom_findings(page, 900, 700) if f.category == "misalignment"]
    messages = " | ".join(f"{f.selector}: {f.message}" for f in found)
    assert any("7px right" in f.message and "moved" in (f.selector or "") for f in found), messages
    assert any("9px right" in f.message and "shifted" in (f.selector or "") for f in found), messages
    assert len(found) == 2, messages  # not the quotation: 40 px in is another indent, not a stray offset

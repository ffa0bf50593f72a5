"""The DOM checks' misalignment: a stack's members are the siblings that show content. A line
break between a heading and the next block has a box of its own, and an empty divider carries
its own margin; counted as members they outvote the stack, and a block 6 px off went unreported."""
from __future__ import annotations

from codegen.debug.pipeline import dom_findings

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 18px 'Liberation Sans', sans-serif; }
#hero { padding: 40px 60px; } #hero > * { display: block; }
#hero h1 { display: inline; font-size: 30px; } #hero br { display: inline; }
#form { margin: 20px 60px; width: 360px; } #form > div { height: 40px; }
#form .rule { height: 1px; margin: 10px 16px; background: #ccc; }
</style></head><body>
<div id="hero"><h1>Command your attack surface</h1><br>
<div id="shifted" style="display: inline-block; position: relative; left: -6px">Anticipate, pinpoint, act</div>
<div>Explore our solution</div></div>
<div id="form"><div></div><div>Sign in</div><div id="moved" style="position: relative; left: 6px">Forgot your password?</div>
<div class="rule"></div><div>Create a new account</div></div>
</body></html>"""


def test_a_block_off_its_stack_is_found_past_line_breaks_and_empty_dividers(tmp_path):
    page = tmp_path / "stacks.html"
    page.write_text(PAGE, encoding="utf-8")
    found = [f for f in dom_findings(page, 1000, 600) if f.category == "misalignment"]
    messages = " | ".join(f.message for f in found)
    assert any("6px left" in f.message and f.selector and "shifted" in f.selector for f in found), messages
    assert any("6px right" in f.message and f.selector and "moved" in f.selector for f in found), messages
    assert len(found) == 2, messages

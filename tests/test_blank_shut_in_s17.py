"""blank-area: a section's body gone from under its heading bar, shut in by the heading above, the next
section's bar below, the page's frame on the left and a sidebar's list on the right. On a screen taller
than a laptop's the hole is shorter than three quarters of a quarter of the screen; the spacing of a
page's blocks is set in CSS pixels, so a shut-in hole need not grow with the screen."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #333; background: #0769ad; }
.wrap { margin: 0 135px; background: #fff; padding: 40px 25px; min-height: 1200px; }
.hero { height: 300px; background: linear-gradient(#f4f4f4, #e4e4e4); margin: -40px -25px 30px; }
.cols { display: flex; gap: 50px; }
.main { flex: 1; }
.side { width: 360px; }
h2 { margin: 0; padding: 6px 10px; background: #ebebeb; font-size: 24px; }
#body { margin: 0; padding: 14px 10px 0; height: 110px; line-height: 24px; }
ul { margin: 14px 0; line-height: 26px; color: #b24926; text-decoration: underline; }
.next { margin-top: 20px; padding: 6px 15px; background: #ebebeb; font-size: 22px; font-weight: bold; }
.next ~ p { line-height: 24px; margin: 12px 0; }
pre { background: #f2f2f2; padding: 14px; margin: 0; font-size: 15px; }
</style></head><body><div class="wrap"><div class="hero"></div><div class="cols"><div class="main">
<h2>What is jQuery?</h2><p id="body">jQuery is a fast, small, and feature-rich JavaScript library. It makes
things like HTML document traversal and manipulation, event handling, animation, and Ajax much simpler with
an easy-to-use API that works across a multitude of browsers. With a combination of versatility and
extensibility, jQuery has changed the way that millions of people write JavaScript.</p></div>
<div class="side"><h2>Resources</h2><ul><li>jQuery Core API Documentation</li><li>jQuery Learning Center</li>
<li>jQuery Blog</li><li>Contribute to jQuery</li><li>Browse or Submit jQuery Bugs</li></ul></div></div>
<div class="next">A Brief Look</div><p>DOM Traversal and Manipulation</p>
<p>Get the button element with the class 'continue' and change its HTML to 'Next Step...'</p>
<pre>$( "button.continue" ).html( "Next Step..." )</pre><p>Event Handling</p>
<p>Show the banner message element that is hidden with display:none in its CSS when any button is clicked.</p>
<pre>var hiddenBox = $( "#banner-message" );
$( "#button-container button" ).on( "click", function( event ) {
  hiddenBox.show();
});</pre><p>Ajax</p><p>Call a local script on the server with the query parameter and replace the element's HTML.</p></div>
</body></html>"""

HIDE = "() => { document.getElementById('body').style.visibility = 'hidden'; }"
SIZE = dict(width=1512, height=982)


def test_a_section_body_gone_from_under_its_heading_is_a_hole():
    img, boxes = render_with_boxes(PAGE, ("body",), before=HIDE, **SIZE)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["body"]) >= 0.5 for b in found] == [True], (boxes["body"], found)


def test_the_section_with_its_body_has_no_hole():
    img, _ = render_with_boxes(PAGE, **SIZE)
    assert blank_area.detect(img) == []

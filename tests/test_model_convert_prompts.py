"""Prompt building and previews, without a browser: the analysis as text, tall pages in parts,
differences in words, React modules mounted as scripts."""
from __future__ import annotations

from types import SimpleNamespace as NS

import numpy as np

from codegen.preview import INLINE, Runtimes, preview_document, react_module_to_script
from codegen.prompts.analysis import PageFacts, format_analysis
from codegen.prompts.messages import describe_differences, first_messages, tiles


def facts() -> PageFacts:
    para = NS(tag="h1", size=28.0, weight=700, color=(17, 24, 39), text="Quarterly report")
    tree = NS(kind="box", box=(0, 0, 800, 600), role="page", bg=(255, 255, 255), border=None, radius=0, para=None,
              image=False, children=[
                  NS(kind="row", box=(0, 0, 800, 60), role="header", bg=(30, 58, 138), border=None, radius=0,
                     para=None, image=False, children=[]),
                  NS(kind="text", box=(24, 90, 260, 30), role="", bg=None, border=None, radius=0, para=para,
                     image=False, children=[]),
                  NS(kind="image", box=(500, 300, 200, 150), role="", bg=None, border=None, radius=8, para=None,
                     image=True, children=[]),
              ])
    lines = [NS(text="Acme", box=(24, 18, 80, 24), size=24.0, weight=700, color=(255, 255, 255)),
             NS(text="Quarterly report", box=(24, 90, 260, 30), size=28.0, weight=700, color=(17, 24, 39)),
             NS(text="Footer note", box=(24, 560, 100, 14), size=12.0, weight=400, color=(107, 114, 128))]
    return PageFacts(800, 600, bg=(255, 255, 255), palette=[(255, 255, 255), (30, 58, 138)], lines=lines,
                     tree=tree, images=[{"src": "page_files/img_1.png", "box": (500, 300, 200, 150)}])


def test_analysis_text_has_lines_colours_images_and_outline():
    text = format_analysis(facts())
    assert "Picture size: 800x600 px" in text and "Page background: #ffffff" in text
    assert '[24,90,260,30] 28px 700 #111827 "Quarterly report"' in text
    assert "page_files/img_1.png [500,300,200,150]" in text
    assert "  - row header [0,0,800,60] bg #1e3a8a" in text
    assert "  - text h1 [24,90,260,30]" in text and "file page_files/img_1.png" in text


def test_analysis_text_clipped_to_a_region_uses_its_coordinates():
    text = format_analysis(facts(), clip=(0, 500, 800, 100))
    assert "Picture size: 800x100 px" in text
    assert '[24,60,100,14] 12px 400 #6b7280 "Footer note"' in text
    assert "Quarterly report" not in text and "Acme" not in text


def test_tall_pages_go_in_parts_and_short_ones_whole():
    assert len(tiles(np.zeros((800, 1280, 3), np.uint8))) == 1
    parts = tiles(np.zeros((9000, 1920, 3), np.uint8))
    assert len(parts) == 4 and sum(t.shape[0] for _, t in parts) == 9000 and parts[1][0] == parts[0][1].shape[0]
    msgs = first_messages(np.zeros((5000, 1000, 3), np.uint8), "react", facts())
    user = msgs[1]["content"]
    assert sum(p["type"] == "image" for p in user) == 4 and "React component" in user[-1]["text"]
    assert "export default function App" in msgs[0]["content"]


def test_differences_are_ranked_and_worded():
    mb = [NS(text="Pricing", box=(100, 40, 90, 22), color=(17, 24, 39), area=1980.0),
          NS(text="Sign up", box=(600, 40, 70, 22), color=(255, 255, 255), area=1540.0)]
    rb = [NS(text="Pricing", box=(100, 60, 120, 30), color=(200, 0, 0), area=3600.0),
          NS(text="Lorem", box=(10, 500, 60, 20), color=(0, 0, 0), area=1200.0)]
    detail = NS(ia=[0], ib=[0], sim=1.0, mockup_box=(100, 40, 90, 22), render_box=(100, 60, 120, 30), dx=15.0,
                dy=24.0, w_ratio=1.33, h_ratio=1.36, color_de=45.0)
    text = describe_differences(NS(details=[detail], missing=[1], extra=[1]), mb, rb)
    lines = text.splitlines()
    assert lines[0].startswith('- missing from the render: "Sign up"')
    assert '"Pricing" at [100,40,90,22]: 24 px too low and 15 px too far right' in lines[1]
    assert "1.36x the mockup's height" in lines[1] and "colour off by dE 45 (mockup #111827)" in lines[1]
    assert lines[2].startswith('- in the render but not in the mockup: "Lorem"')


def test_react_module_becomes_a_mounted_script():
    code = ('import React, { useState } from "react";\nimport "./page.css";\n'
            "export default function Landing() {\n  const [n] = useState(1);\n  return <h1>{n}</h1>;\n}\n")
    script = react_module_to_script(code)
    assert "import" not in script and "export" not in script
    assert script.startswith("const { useState } = React;")
    assert "React.createElement(Landing)" in script and "flushSync" in script
    arrow = react_module_to_script("const App = () => <p>x</p>;\nexport default App;\n")
    assert "React.createElement(App)" in arrow and "export" not in arrow


def test_previews_reference_or_inline_the_runtimes(tmp_path):
    page = preview_document('<html><head><script src="https://cdn.tailwindcss.com"></script></head>'
                            '<body class="p-4">x</body></html>', "tailwind", Runtimes(tmp_path / "p_files", "p_files"))
    assert "cdn.tailwindcss.com" not in page and '<script src="p_files/tailwindcss-browser.js">' in page
    assert (tmp_path / "p_files" / "tailwindcss-browser.js").stat().st_size > 100_000
    inline = preview_document("export default function App() { return <p>x</p>; }", "react", INLINE)
    assert inline.count("</script>") == 4  # runtimes inlined, none of them able to end its tag early
    assert preview_document("<p>x</p>", "html") == "<p>x</p>"


def test_revision_stays_compact_on_tall_pages():
    from codegen.prompts.messages import revision_messages

    tall = np.zeros((6000, 1920, 3), np.uint8)
    msgs = revision_messages(tall, "html", facts(), "<html></html>", tall, tall, "overall 0.5", "- x")
    parts = msgs[1]["content"]
    images = [p["image"] for p in parts if p["type"] == "image"]
    assert len(images) == 5 and images[-1].shape[1] == 800  # mockup 2 parts, render 2 parts, small heat-map
    text = "\n".join(p["text"] for p in parts if p["type"] == "text")
    assert "Layout outline" not in text and "Your current code" in text and "overall 0.5" in text

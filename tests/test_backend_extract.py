"""Code extraction from model replies: the shapes real models answer in."""
from __future__ import annotations

import pytest

from codegen.extract import ExtractError, extract_code, extract_html, extract_react

DOC = "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>t</title></head>\n<body><h1>Hi</h1></body>\n</html>"


def test_fenced_document_with_prose_around():
    reply = f"Here is the page:\n\n```html\n{DOC}\n```\n\nIt uses flexbox. Let me know!"
    assert extract_html(reply).strip() == DOC


def test_the_document_fence_wins_over_snippets():
    reply = f"Add this:\n```html\n<div>snippet</div>\n```\nFull page:\n```html\n{DOC}\n```"
    assert "<h1>Hi</h1>" in extract_html(reply) and "snippet" not in extract_html(reply)


def test_unclosed_fence_and_cut_style_are_repaired():
    reply = "```html\n<!DOCTYPE html><html><head><style>\nbody { color: red; }\n.card { padd"
    out = extract_html(reply)
    assert out.rstrip().endswith("</style>") and "```" not in out
    assert "body { color: red; }" in out


def test_tag_cut_mid_attributes_is_dropped():
    out = extract_html("<html><body><p>ok</p><div class=\"ca")
    assert out.rstrip().endswith("<p>ok</p>")


def test_bare_document_without_fences():
    reply = f"Sure! {DOC}\nHope it helps."
    assert extract_html(reply).strip() == DOC


def test_separate_css_and_js_fences_are_merged():
    reply = ("```html\n<html><head><title>x</title></head><body><button>Go</button></body></html>\n```\n"
             "```css\nbutton { color: blue; }\n```\n```javascript\nconsole.log(1);\n```")
    out = extract_html(reply)
    assert out.index("button { color: blue; }") < out.index("</head>")
    assert out.index("console.log(1);") < out.index("</body>")


def test_fragment_becomes_a_document_with_charset():
    out = extract_html("```\n<section><h2>Café</h2></section>\n```")
    assert out.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in out
    assert "<section><h2>Café</h2></section>" in out


def test_thinking_is_ignored():
    reply = "<think>I could write <div>draft</div> here...</think>\n```html\n" + DOC + "\n```"
    assert "draft" not in extract_html(reply)


def test_tilde_fences_and_uppercase_language():
    assert "<h1>Hi</h1>" in extract_html("~~~HTML\n" + DOC + "\n~~~")


def test_no_code_is_a_clear_error():
    with pytest.raises(ExtractError, match="no HTML"):
        extract_html("I'm sorry, I can't help with that.")
    with pytest.raises(ExtractError, match="empty"):
        extract_code("   ", "html")


REACT = """import React from "react";

export default function App() {
  return (
    <main className="page">
      <h1>Hello</h1>
    </main>
  );
}"""


def test_react_component_from_jsx_fence():
    reply = f"Here you go:\n```jsx\n{REACT}\n```\nUse it with Vite."
    assert extract_code(reply, "react").strip() == REACT


def test_react_component_without_fence_and_with_trailing_prose():
    out = extract_react(f"Component below.\n\n{REACT}\n\nThis renders a heading.")
    assert out.strip() == REACT


def test_react_prefers_the_exported_component_over_helpers():
    helper = "const x = 1;\nconsole.log(x);"
    reply = f"```js\n{helper}\n```\n```tsx\n{REACT}\n```"
    assert extract_react(reply).strip() == REACT


def test_react_without_jsx_is_an_error():
    with pytest.raises(ExtractError, match="React"):
        extract_react("```js\nconsole.log('no component');\n```")


def test_tailwind_stack_extracts_html():
    reply = '```html\n<html><body class="bg-white"><h1 class="text-3xl font-bold">T</h1></body></html>\n```'
    assert 'class="text-3xl font-bold"' in extract_code(reply, "tailwind")


def test_fence_closed_on_the_last_code_line():
    out = extract_html("```html\n" + DOC + "```\nDone.")
    assert out.strip() == DOC

"""The web app's pieces that need no server: sandboxed preview, asset inlining, zips, names."""
from __future__ import annotations

import base64
import html
import zipfile
from types import SimpleNamespace

import numpy as np
import pytest

from app.web.sandbox import inline_assets, sandboxed_iframe
from app.web.tab_convert import safe_stem, scores_markdown, upload_source, zip_result
from vision.files import png_bytes


def test_inline_assets_only_inside_base(tmp_path):
    (tmp_path / "page_files").mkdir()
    png = png_bytes(np.zeros((2, 2, 3), np.uint8))
    (tmp_path / "page_files" / "hero img.png").write_bytes(png)
    (tmp_path.parent / "secret.png").write_bytes(png)
    page = ('<img src="page_files/hero%20img.png"><div style="background:url(\'page_files/hero%20img.png\')"></div>'
            '<img src="../secret.png"><img src="https://example.com/x.png"><img src="page_files/missing.png">')
    out = inline_assets(page, tmp_path)
    data = "data:image/png;base64," + base64.b64encode(png).decode()
    assert out.count(data) == 2
    assert '<img src="../secret.png">' in out and "https://example.com/x.png" in out
    assert "page_files/missing.png" in out


def test_inline_assets_budget(tmp_path):
    (tmp_path / "a.png").write_bytes(png_bytes(np.zeros((50, 50, 3), np.uint8)))
    assert inline_assets('<img src="a.png">', tmp_path, max_bytes=10) == '<img src="a.png">'


def test_sandboxed_iframe_escapes_and_sandboxes():
    page = '<html><body><script>alert(1)</script><p title="x">${danger} {{x}}</p></body></html>'
    out = sandboxed_iframe(page, page_width=1280, page_height=800)
    assert 'sandbox=""' in out and "allow-" not in out
    assert "<script>" not in out and "${" not in out and "{{" not in out
    assert 'data-page-width="1280"' in out and 'data-page-height="800"' in out
    src = out.split('srcdoc="', 1)[1].rsplit('"', 1)[0]
    assert html.unescape(src) == page


def test_upload_source_forms(tmp_path):
    assert upload_source(None) is None and upload_source({}) is None
    assert upload_source({"path": "/tmp/x/a b.png", "orig_name": "mock ü.png"}) == ("/tmp/x/a b.png", "mock ü.png")
    raw = b"\x89PNG..."
    src = upload_source({"path": None, "url": "data:image/png;base64," + base64.b64encode(raw).decode()})
    assert src is not None and src[0] == raw
    assert upload_source("/tmp/y/shot.jpg") == ("/tmp/y/shot.jpg", "shot.jpg")


@pytest.mark.parametrize("name,stem", [("My mockup (v2).png", "My-mockup-v2"), ("ログイン画面.png", "ログイン画面"),
                                       ("../../etc/passwd", "passwd"), ("", "mockup"), ("....png", "mockup")])
def test_safe_stem(name, stem):
    assert safe_stem(name) == stem


def test_zip_and_scores(tmp_path):
    page = tmp_path / "login.html"
    page.write_text("<html></html>")
    (tmp_path / "login_files").mkdir()
    (tmp_path / "login_files" / "logo.png").write_bytes(b"png")
    (tmp_path / "login.side-by-side.png").write_bytes(b"png")
    (tmp_path / "login.jsx").write_text("export default function App() {}")
    res = SimpleNamespace(out_html=page, code_path=tmp_path / "login.jsx")
    z = zip_result(res, tmp_path / "out" / "login.zip")
    with zipfile.ZipFile(z) as zf:
        assert sorted(zf.namelist()) == ["login.html", "login.jsx", "login.side-by-side.png", "login_files/logo.png"]
    md = scores_markdown({"scores": {k: 0.5 for k in ("block", "text", "position", "color", "visual", "ssim", "overall")},
                          "quality": {"abs_frac": 0.0, "mobile_ok": True}, "rounds": [{}, {}], "seconds": 3.2,
                          "best_round": 1})
    assert md.count("0.500") == 7 and "mobile_ok" in md and "2 render(s)" in md


def test_convert_handler_rejects_bad_input_in_one_line(tmp_path):
    import gradio as gr
    from PIL import Image

    from app.web.tab_convert import convert

    with pytest.raises(gr.Error, match="Upload or paste"):
        convert(None, 0, "html")
    notes = tmp_path / "notes.png"
    notes.write_text("not a picture\n" * 10)
    with pytest.raises(gr.Error) as err:
        convert({"path": str(notes), "orig_name": "notes.png"}, 0, "html")
    assert "not an image" in err.value.message and "\n" not in err.value.message
    huge = tmp_path / "huge.png"
    Image.new("1", (10_000, 6_000)).save(huge)
    with pytest.raises(gr.Error) as err:
        convert({"path": str(huge), "orig_name": "huge.png"}, 0, "html")
    assert "10000" in err.value.message and "\n" not in err.value.message


def test_missing_tab_module_becomes_a_notice(monkeypatch):
    from app.web import main

    monkeypatch.setattr(main, "TABS", [("Mockup to code", "tab_convert"), ("Later", "tab_not_written_yet")])
    demo = main.build_app()
    texts = [str(getattr(b, "value", "")) for b in demo.blocks.values()]
    assert any("Later is not available" in t for t in texts)
    assert any(getattr(b, "elem_id", None) == "v2c-convert-run" for b in demo.blocks.values())

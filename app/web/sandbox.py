"""Showing generated (untrusted) pages inside the app: a sandboxed iframe with images inlined.

The iframe gets `sandbox=""`: no scripts, no forms, no same-origin access to the app. Its page
is given as `srcdoc`, so relative image paths cannot resolve; they are inlined as data URLs.
"""
from __future__ import annotations

import base64
import html as html_lib
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote

MAX_INLINE_BYTES = 12 * 1024 * 1024
_REF = re.compile(r"""(?P<pre>\b(?:src|href)\s*=\s*["']|url\(\s*["']?)(?P<url>[^"')\s]+)""", re.I)


def _resolve(url: str, base_dir: Path) -> Path | None:
    """The local file a relative reference points to, only inside `base_dir`."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith(("/", "#", "//")):
        return None
    path = (base_dir / unquote(url.split("#")[0].split("?")[0])).resolve()
    try:
        path.relative_to(base_dir.resolve())
    except ValueError:
        return None
    return path if path.is_file() else None


def inline_assets(page: str, base_dir: str | Path, max_bytes: int = MAX_INLINE_BYTES) -> str:
    """`page` with its relative image references (src=, href=, url()) replaced by data URLs.

    Files outside `base_dir` are never read. Past `max_bytes` in all, further images are left as
    they are (they show as missing) so that a huge page cannot flood the browser.
    """
    base = Path(base_dir)
    cache: dict[str, str | None] = {}
    budget = [max_bytes]

    def data_url(url: str) -> str | None:
        if url not in cache:
            cache[url] = None
            path = _resolve(url, base)
            mime = mimetypes.guess_type(path.name)[0] if path else None
            if path and mime and mime.startswith("image/") and path.stat().st_size <= budget[0]:
                raw = path.read_bytes()
                budget[0] -= len(raw)
                cache[url] = f"data:{mime};base64," + base64.b64encode(raw).decode("ascii")
        return cache[url]

    def sub(m: re.Match) -> str:
        url = data_url(m.group("url"))
        return m.group("pre") + url if url else m.group(0)

    return _REF.sub(sub, page)


def _attr(text: str) -> str:
    """`text` as a double-quoted attribute value; `$` and braces as character references too, so
    that no template syntax of the host page can see them (the attribute decodes them back)."""
    return html_lib.escape(text, quote=True).replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;")


def sandboxed_iframe(page: str, height: int = 640, page_width: int | None = None, page_height: int | None = None,
                     title: str = "Preview of the generated page") -> str:
    """An iframe showing `page` with every sandbox restriction on, `height` px tall in the app.

    With `page_width`, the iframe carries it as `data-page-width`: FIT_JS lays the page out at that
    width (the mockup's) and scales it down to the space available; with `page_height` too, the
    box shrinks to the scaled page when that is shorter than `height`.
    """
    width_attr = ""
    if page_width:
        width_attr = f' data-page-width="{int(page_width)}" data-view-height="{int(height)}"'
        if page_height:
            width_attr += f' data-page-height="{int(page_height)}"'

    return (f'<div class="v2c-frame-box" style="width:100%;overflow:hidden;border:1px solid #d0d5dd;'
            f'border-radius:8px;background:#fff;height:{int(height)}px">'
            f'<iframe sandbox="" referrerpolicy="no-referrer" title="{_attr(title)}"{width_attr} '
            f'style="display:block;width:100%;height:{int(height)}px;border:0;background:#fff" '
            f'srcdoc="{_attr(page)}"></iframe></div>')


# Runs in the app (trusted), never in the iframe: scales each preview to fit its box.
FIT_JS = """
const fit = () => {
  element.querySelectorAll('iframe[data-page-width]').forEach((f) => {
    const box = f.parentElement;
    const pw = parseFloat(f.dataset.pageWidth) || 0;
    const ph = parseFloat(f.dataset.pageHeight) || 0;
    let vh = parseFloat(f.dataset.viewHeight) || 640;
    if (!pw || !box || !box.clientWidth) return;
    const s = Math.min(1, box.clientWidth / pw);
    if (ph) vh = Math.min(vh, Math.ceil(ph * s) + 2);
    box.style.height = vh + 'px';
    f.style.width = pw + 'px';
    f.style.height = (vh / s) + 'px';
    f.style.transformOrigin = '0 0';
    f.style.transform = 'scale(' + s + ')';
  });
};
new ResizeObserver(fit).observe(element);
new MutationObserver(fit).observe(element, {childList: true, subtree: true});
fit();
"""

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


def sandboxed_iframe(page: str, height: int = 640, title: str = "Preview of the generated page") -> str:
    """An iframe element showing `page` with every sandbox restriction on."""
    return (f'<iframe sandbox="" referrerpolicy="no-referrer" title="{html_lib.escape(title)}" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #d0d5dd;border-radius:8px;background:#fff" '
            f'srcdoc="{html_lib.escape(page, quote=True)}"></iframe>')

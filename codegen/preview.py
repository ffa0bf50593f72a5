"""A renderable page for each stack's code. HTML is its own preview; a Tailwind page gets
Tailwind's in-browser compiler in place of its CDN script; a React component is mounted in a
page with React and Babel. The runtimes come from `codegen/vendor`, either copied into the
page's asset folder and referenced relatively, or inlined: the preview needs no network
(renders block it) either way."""
from __future__ import annotations

import re
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from codegen.vendor import vendor_path

TAILWIND_CDN = re.compile(r"<script[^>]*src=[\"'][^\"']*(?:cdn\.tailwindcss\.com|tailwindcss[^\"']*browser)[^\"']*[\"'][^>]*>\s*</script>", re.I)
REACT_HOOKS = ("useState", "useEffect", "useRef", "useMemo", "useCallback", "useReducer", "useContext",
               "useLayoutEffect", "Fragment", "createContext")


@lru_cache(maxsize=None)
def _vendor(name: str) -> str:
    return vendor_path(name).read_text(encoding="utf-8")


class Runtimes:
    """Where a preview's runtime scripts come from: a folder beside the page, or inline."""

    def __init__(self, folder: Path | None = None, url_prefix: str = "") -> None:
        self.folder = Path(folder) if folder is not None else None
        self.url_prefix = url_prefix.rstrip("/")

    def script(self, name: str) -> str:
        if self.folder is None:
            # "</script" inside the runtime would end the tag early; "<\/" is the same string to JS
            return "<script>" + _vendor(name).replace("</script", "<\\/script") + "</script>"
        target = self.folder / name
        if not target.exists() or target.stat().st_size != vendor_path(name).stat().st_size:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(vendor_path(name), target)
        return f'<script src="{quote(self.url_prefix)}/{name}"></script>'


INLINE = Runtimes()


def _inline_script(name: str, runtimes: Runtimes = INLINE) -> str:
    return runtimes.script(name)


def tailwind_preview(html: str, runtimes: Runtimes = INLINE) -> str:
    """The page with Tailwind's CDN script swapped for the bundled compiler."""
    body = TAILWIND_CDN.sub("", html)
    tag = _inline_script("tailwindcss-browser.js", runtimes)
    m = re.search(r"<head[^>]*>", body, re.I)
    if m:
        return body[: m.end()] + "\n" + tag + body[m.end():]
    return tag + "\n" + body


def react_module_to_script(code: str) -> str:
    """A component module as a classic script: imports dropped (React is a global), the
    default export kept as `App`, hooks taken from the global React."""
    code = re.sub(r"^\s*import\s[^;\n]*?(?:from\s+)?[\"'][^\"']+[\"'];?\s*$", "", code, flags=re.M)
    code = re.sub(r"export\s+default\s+function\s+(\w+)", r"function \1", code)
    code = re.sub(r"export\s+default\s+function\s*\(", "function App(", code)
    m = re.search(r"^\s*export\s+default\s+(\w+)\s*;?\s*$", code, flags=re.M)
    name = "App"
    if m:
        name = m.group(1)
        code = code[: m.start()] + code[m.end():]
    else:
        m = re.search(r"function\s+([A-Z]\w*)\s*\(", code)
        name = m.group(1) if m else "App"
    code = re.sub(r"^\s*export\s+(?=(?:const|function|let|class)\s)", "", code, flags=re.M)
    hooks = ", ".join(h for h in REACT_HOOKS if re.search(rf"\b{h}\b", code))
    head = f"const {{ {hooks} }} = React;\n" if hooks else ""
    mount = ("\nconst __root = ReactDOM.createRoot(document.getElementById('root'));\n"
             f"ReactDOM.flushSync(() => __root.render(React.createElement({name})));\n")
    return head + code + mount


def react_preview(component: str, title: str = "Preview", runtimes: Runtimes = INLINE) -> str:
    """A page that mounts the component synchronously (so a screenshot sees it rendered)."""
    script = react_module_to_script(component).replace("</script", "<\\/script")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>html, body {{ margin: 0; padding: 0; }}</style>\n"
            f"{_inline_script('react.production.min.js', runtimes)}\n"
            f"{_inline_script('react-dom.production.min.js', runtimes)}\n"
            f"{_inline_script('babel.min.js', runtimes)}\n</head>\n<body>\n<div id=\"root\"></div>\n"
            f"<script type=\"text/babel\" data-presets=\"react\">\n{script}</script>\n</body>\n</html>\n")


def preview_document(code: str, stack: str = "html", runtimes: Runtimes = INLINE) -> str:
    """The page that shows `code` of `stack` in a browser."""
    if stack == "tailwind":
        return tailwind_preview(code, runtimes)
    if stack == "react":
        return react_preview(code, runtimes=runtimes)
    return code

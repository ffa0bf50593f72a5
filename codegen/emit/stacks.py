"""The other stacks, derived from the HTML/CSS emitter's output so all three render the same.

Tailwind: every class rule becomes arbitrary-property utilities (`[margin-top:12px]`); the page
keeps the Tailwind Play CDN tag for editing and, because renders are offline, the compiled CSS of
exactly those utilities inline. React: a function component (JSX) plus its stylesheet.
"""
from __future__ import annotations

import re
from pathlib import Path

RULE_RE = re.compile(r"^\.([A-Za-z][\w-]*)\s*\{\s*(.*?);?\s*\}\s*$")


def _split_css(css: str) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    """Simple one-class rules (convertible) and everything else (kept as is)."""
    simple: dict[str, list[tuple[str, str]]] = {}
    rest: list[str] = []
    depth_block: list[str] = []
    for line in css.splitlines():
        if depth_block or line.startswith("@media"):
            depth_block.append(line)
            if line.strip() == "}":
                rest.append("\n".join(depth_block))
                depth_block = []
            continue
        m = RULE_RE.match(line.strip())
        if m and m.group(1) not in ("col", "row", "stack", "txt"):
            decls = []
            for d in m.group(2).split(";"):
                if ":" in d:
                    k, v = d.split(":", 1)
                    decls.append((k.strip(), v.strip()))
            simple[m.group(1)] = decls
        elif line.strip():
            rest.append(line)
    return simple, rest


def _escape(cls: str) -> str:
    return re.sub(r"([^A-Za-z0-9_-])", r"\\\1", cls)


def _utility(prop: str, value: str) -> str:
    return f"[{prop}:{value.replace(' ', '_')}]"


def to_tailwind(html: str) -> str:
    m = re.search(r"<style>\n(.*?)\n</style>", html, re.S)
    if not m:
        return html
    simple, rest = _split_css(m.group(1))
    used: dict[str, tuple[str, str]] = {}

    def repl(cm: re.Match) -> str:
        out = []
        for c in cm.group(1).split():
            if c in simple:
                for k, v in simple[c]:
                    u = _utility(k, v)
                    used[u] = (k, v)
                    out.append(u)
            else:
                out.append(c)
        return f'class="{" ".join(out)}"'

    body = re.sub(r'class="([^"]*)"', repl, html[m.end():])
    compiled = "\n".join(f".{_escape(u)} {{ {k}: {v}; }}" for u, (k, v) in used.items())
    head = html[:m.start()]
    head = head.replace("<title>", '<script src="https://cdn.tailwindcss.com"></script>\n<title>', 1)
    return (head + "<style>\n/* base and layout helpers */\n" + "\n".join(rest)
            + "\n/* compiled Tailwind arbitrary-property utilities used below (so the page renders offline) */\n"
            + compiled + "\n</style>" + body)


VOID = ("br", "img", "input", "hr", "meta", "link")


def to_react(html: str, name: str = "Page") -> tuple[str, str]:
    """A JSX component and its CSS file."""
    css = re.search(r"<style>\n(.*?)\n</style>", html, re.S)
    body = re.search(r"<body>\n(.*)\n</body>", html, re.S)
    jsx = body.group(1) if body else ""
    jsx = jsx.replace('class="', 'className="').replace("data-v2c=", "data-v2c=")
    for tag in VOID:
        jsx = re.sub(rf"<{tag}(\b[^>]*?)\s*/?>", rf"<{tag}\1 />", jsx)
    jsx = jsx.replace("{", "&#123;").replace("}", "&#125;")
    comp = re.sub(r"[^A-Za-z0-9]", "", name.title()) or "Page"
    if not comp[0].isalpha():
        comp = "Page" + comp
    indented = "\n".join("      " + line for line in jsx.splitlines())
    code = (f'import "./{name}.css";\n\nexport default function {comp}() {{\n  return (\n    <>\n'
            f"{indented}\n    </>\n  );\n}}\n")
    return code, (css.group(1) + "\n") if css else ""


def to_stack(html: str, stack: str, out_html: Path) -> tuple[str, Path | None]:
    """(code in the stack, path it belongs at); the HTML itself is always written at out_html."""
    if stack == "html":
        return html, out_html
    if stack == "tailwind":
        return to_tailwind(html), out_html.with_name(out_html.stem + ".tailwind.html")
    if stack == "react":
        code, css = to_react(html, out_html.stem)
        from vision.files import write_text

        write_text(out_html.with_name(out_html.stem + ".css"), css)
        return code, out_html.with_name(out_html.stem + ".jsx")
    raise ValueError(f"unknown stack {stack!r} (html, tailwind or react)")

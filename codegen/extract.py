"""Code out of a model's reply: models wrap it in prose and fences, split it into several
blocks, think aloud first, or stop mid-file when they run out of tokens. Everything here turns
such a reply into one usable file, or says there is none."""
from __future__ import annotations

import re

HTML_LANGS = {"html", "htm", "xhtml", "xml", "svelte", "vue", "", "tailwind"}
CSS_LANGS = {"css", "scss"}
JS_LANGS = {"js", "javascript"}
REACT_LANGS = {"jsx", "tsx", "js", "javascript", "react", "typescript", "ts"}

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.S | re.M)
_OPEN_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*\n", re.M)
_THINK = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_DOC_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_REACT_START = re.compile(r"^(?:import\s|export\s|(?:const|function|let)\s+[A-Z]\w*|'use client'|\"use client\")", re.M)


class ExtractError(ValueError):
    """The reply holds no code of the kind asked for."""


def strip_thinking(reply: str) -> str:
    """Drop reasoning blocks some models put before the answer (closed, or cut off mid-way)."""
    text = _THINK.sub("", reply)
    m = re.search(r"<(think|thinking|reasoning)>", text, re.I)
    if m and not re.search(fr"</{m.group(1)}>", text, re.I):
        text = text[: m.start()]
    return text


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of each closed fence, plus a trailing fence the reply never closed."""
    blocks = [(m.group(2).lower(), m.group(3)) for m in _FENCE.finditer(text)]
    tail_from = 0
    for m in _FENCE.finditer(text):
        tail_from = m.end()
    rest = text[tail_from:]
    m = _OPEN_FENCE.search(rest)
    if m:
        body = rest[m.end():]
        close = body.find(m.group(1))  # a fence closed at the end of a code line, not on its own
        blocks.append((m.group(2).lower(), body[:close] if close >= 0 else body))
    return blocks


def _html_score(body: str) -> int:
    low = body.lower()
    return (4 if _DOC_START.search(body) else 0) + (2 if "<body" in low else 0) + (1 if "<" in body else 0)


def extract_html(reply: str) -> str:
    """The HTML document of a reply; separate CSS and JS fences are merged into it."""
    text = strip_thinking(reply)
    blocks = fenced_blocks(text)
    html_blocks = [b for lang, b in blocks if lang in HTML_LANGS and "<" in b]
    if html_blocks:
        code = max(html_blocks, key=lambda b: (_html_score(b), len(b)))
        css = "\n".join(b for lang, b in blocks if lang in CSS_LANGS and b.strip())
        js = "\n".join(b for lang, b in blocks if lang in JS_LANGS and b.strip())
        code = _merge_assets(code, css, js)
    else:
        m = _DOC_START.search(text)
        if m:
            code = text[m.start():]
            end = code.lower().rfind("</html>")
            if end >= 0:
                code = code[: end + len("</html>")]
        else:
            first = re.search(r"<(?:[a-zA-Z][\w-]*)(?:\s[^<>]*)?>", text)
            if not first:
                raise ExtractError("the reply contains no HTML")
            last = text.rfind(">")
            code = text[first.start(): last + 1]
    return ensure_document(repair_truncated(code.strip()))


def _merge_assets(html: str, css: str, js: str) -> str:
    if css and css.strip() not in html:
        tag = f"<style>\n{css.strip()}\n</style>\n"
        i = html.lower().find("</head>")
        html = html[:i] + tag + html[i:] if i >= 0 else tag + html
    if js and js.strip() not in html:
        tag = f"<script>\n{js.strip()}\n</script>\n"
        i = html.lower().rfind("</body>")
        html = html[:i] + tag + html[i:] if i >= 0 else html + "\n" + tag
    return html


def repair_truncated(html: str) -> str:
    """Close what a reply cut off by the token limit left open, so that the page still renders:
    an unclosed comment, <style> or <script> would otherwise swallow the rest of the document."""
    low = html.lower()
    if low.count("<!--") > low.count("-->"):
        html += " -->"
        low = html.lower()
    for tag in ("style", "script"):
        opened = len(re.findall(fr"<{tag}[\s>]", low))
        if opened > low.count(f"</{tag}>"):
            html += f"\n</{tag}>"
            low = html.lower()
    # a tag cut in the middle of its attributes
    last_open, last_close = html.rfind("<"), html.rfind(">")
    if last_open > last_close:
        html = html[:last_open]
    return html


def ensure_document(code: str) -> str:
    """A fragment becomes a full document with a charset and a viewport; a document is kept."""
    low = code.lower()
    if "<html" not in low and "<body" not in low:
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n<body>\n"
                f"{code}\n</body>\n</html>\n")
    if "<meta charset" not in low and "charset=" not in low:
        m = re.search(r"<head[^>]*>", code, re.I)
        if m:
            code = code[: m.end()] + "\n<meta charset=\"utf-8\">" + code[m.end():]
        else:
            m = re.search(r"<html[^>]*>", code, re.I)
            if m:
                code = code[: m.end()] + "\n<head><meta charset=\"utf-8\"></head>" + code[m.end():]
    if not code.lstrip().lower().startswith("<!doctype"):
        code = "<!DOCTYPE html>\n" + code.lstrip()
    return code if code.endswith("\n") else code + "\n"


def extract_react(reply: str) -> str:
    """A React component's source (JSX/TSX) from a reply."""
    text = strip_thinking(reply)
    blocks = [(lang, b) for lang, b in fenced_blocks(text) if lang in REACT_LANGS or (lang == "" and "return" in b)]
    if blocks:
        def rank(item: tuple[str, str]) -> tuple[int, int]:
            body = item[1]
            return ((2 if "export default" in body else 0) + (1 if re.search(r"return\s*\(?\s*<", body) else 0),
                    len(body))
        code = max(blocks, key=rank)[1]
    else:
        m = _REACT_START.search(text)
        if not m or "<" not in text[m.start():]:
            raise ExtractError("the reply contains no React component")
        code = text[m.start():]
        end = code.rfind("}")
        tail = code[end + 1:]
        if end >= 0 and not re.search(r"export\s+default", tail):
            code = code[: end + 1] + (tail.split("\n")[0] if tail.strip().endswith(";") else "")
    code = code.strip()
    if not re.search(r"return\s*\(?\s*<|=>\s*\(?\s*<", code):
        raise ExtractError("the reply contains no React component (no JSX returned)")
    return code + "\n"


def extract_code(reply: str, stack: str = "html") -> str:
    """The code of `stack` ("html", "tailwind": an HTML document; "react": a component)."""
    if not reply or not reply.strip():
        raise ExtractError("the reply is empty")
    if stack == "react":
        return extract_react(reply)
    return extract_html(reply)


def extract_fragment(reply: str) -> str:
    """A region's HTML: its elements and their <style>, without document scaffolding. A reply
    that is a whole document gives its body's content plus the styles from its head."""
    text = strip_thinking(reply)
    blocks = [b for lang, b in fenced_blocks(text) if lang in HTML_LANGS and "<" in b]
    code = max(blocks, key=len) if blocks else text
    first = re.search(r"<(?:[a-zA-Z!][\w-]*)(?:\s[^<>]*)?>", code)
    if not first:
        raise ExtractError("the reply contains no HTML")
    code = repair_truncated(code[first.start(): code.rfind(">") + 1])
    if re.search(r"<body[\s>]", code, re.I):
        styles = re.findall(r"<style[^>]*>.*?</style>", code.split("<body", 1)[0], re.S | re.I)
        m = re.search(r"<body[^>]*>(.*?)(?:</body>|$)", code, re.S | re.I)
        code = "\n".join(styles) + "\n" + (m.group(1) if m else "")
    code = re.sub(r"<!doctype[^>]*>|</?html[^>]*>|<head[^>]*>.*?</head>|<meta[^>]*>", "", code, flags=re.S | re.I)
    if not re.search(r"<[a-zA-Z]", code):
        raise ExtractError("the reply contains no HTML elements")
    return code.strip()

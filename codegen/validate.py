"""Structural check of generated HTML: every non-void element closed, and in order."""
from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[int, int]]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag: str, attrs) -> None:
        return None

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack:
            self.errors.append(f"line {self.getpos()[0]}: </{tag}> closes nothing")
            return
        open_tag, pos = self.stack[-1]
        if open_tag == tag:
            self.stack.pop()
            return
        self.errors.append(f"line {self.getpos()[0]}: </{tag}> while <{open_tag}> (line {pos[0]}) is open")
        if any(t == tag for t, _ in self.stack):
            while self.stack and self.stack[-1][0] != tag:
                self.stack.pop()
            self.stack.pop()


def structural_errors(html: str) -> list[str]:
    """Unclosed, misnested or stray end tags (empty list when the document is well formed)."""
    c = _Checker()
    c.feed(html)
    c.close()
    errors = list(c.errors)
    for tag, pos in c.stack:
        errors.append(f"line {pos[0]}: <{tag}> never closed")
    return errors

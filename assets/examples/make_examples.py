"""Render the example mockups in src/ to PNG (run after editing a source page).

    .venv/bin/python assets/examples/make_examples.py
"""
from __future__ import annotations

from pathlib import Path

from codegen.render import get_renderer
from vision.files import write_png

HERE = Path(__file__).parent
SIZES = {"login": (1280, 800), "pricing": (1280, 800), "dashboard": (1280, 800), "blog": (1280, 800),
         "phone-app": (390, 844)}


def main() -> None:
    for src in sorted((HERE / "src").glob("*.html")):
        w, h = SIZES.get(src.stem, (1280, 800))
        res = get_renderer().render(path=src, width=w, height=h, full_page=True, javascript=False)
        write_png(HERE / f"{src.stem}.png", res.image)
        print(src.stem, res.image.shape)


if __name__ == "__main__":
    main()

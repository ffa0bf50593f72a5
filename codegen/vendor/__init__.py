"""Browser runtimes that let a sandboxed, offline Chromium render Tailwind pages and React
components (every network request is blocked there, so no CDN can be used):

- tailwindcss-browser.js: `@tailwindcss/browser` 4.3.4 (MIT), Tailwind's in-browser compiler;
- react.production.min.js, react-dom.production.min.js: React 18.3.1 UMD builds (MIT);
- babel.min.js: `@babel/standalone` 7.29.13 (MIT), for JSX in the browser.

All come unmodified from their npm packages.
"""
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent


def vendor_path(name: str) -> Path:
    return VENDOR_DIR / name

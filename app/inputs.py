"""Collecting input files from the command line: files, folders, with clear errors."""
from __future__ import annotations

from pathlib import Path

IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


def collect_images(inputs: list[str]) -> tuple[list[Path], list[str]]:
    """Image paths from files and folders (a folder's images, sorted); errors for missing paths.

    A file is taken whatever its extension (the loader decides whether it is an image);
    inside folders only image extensions are taken.
    """
    files: list[Path] = []
    errors: list[str] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in IMAGE_EXTS
                           and not f.name.startswith("."))
            if not found:
                errors.append(f"{p}: no images in this folder")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            errors.append(f"{p}: no such file")
    return files, errors

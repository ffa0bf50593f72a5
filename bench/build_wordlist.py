"""Build vision/defects/assets/words_en.txt, the English word list the truncation detector uses
to tell a word cut short ("Search any IP addr") from a whole one, and names_en.txt, its words
that English writes only capitalised ("Mobil"): read in small letters, those are cut words too.

Source: Vim's English spell file (/usr/share/vim/vim*/spell/en.utf-8.spl, built from the
SCOWL-based OpenOffice/hunspell dictionaries, US/GB/CA/AU/NZ spellings), dumped with
`:spelldump` (the command needs a terminal, hence `script`). Kept: words of letters only,
lower-cased (possessives, hyphenated and numeric forms dropped: the detector splits on those).

    python bench/build_wordlist.py
"""
from __future__ import annotations

import glob
import os
import re
import subprocess
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "vision" / "defects" / "assets" / "words_en.txt"
NAMES = OUT.with_name("names_en.txt")


def dump_vim_spell(runtime: str) -> list[str]:
    """Every word Vim's English spell file accepts, one per entry (region flags stripped)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dump.txt"
        script = Path(tmp) / "dump.vim"
        script.write_text(f"set nocompatible\nset runtimepath={runtime}\nset encoding=utf-8\n"
                          f"set spelllang=en\nset spell\nspelldump\nwrite! {out}\nqall!\n")
        env = dict(os.environ, HOME=tmp, TERM="xterm")
        subprocess.run(["script", "-qc", f"vim -u NONE -i NONE -N -n -S {script}", "/dev/null"],
                       env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True, timeout=300)
        lines = out.read_text(encoding="utf-8").splitlines()
    return [ln.split("/")[0] for ln in lines if ln and not ln.startswith(("#", "/"))]


def main() -> None:
    runtime = sorted(glob.glob("/usr/share/vim/vim*/spell/en.utf-8.spl"))[-1].rsplit("/spell/", 1)[0]
    entries = dump_vim_spell(runtime)
    words = sorted({w.lower() for w in entries if re.fullmatch(r"[A-Za-z]+", w)})
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    # the words the file knows only capitalised ("Mobil", "Monday"), not in small letters
    small = {w for w in entries if re.fullmatch(r"[a-z]+", w)}
    names = sorted({w.lower() for w in entries if re.fullmatch(r"[A-Z][a-z]+", w)} - small)
    NAMES.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {NAMES}")


if __name__ == "__main__":
    main()

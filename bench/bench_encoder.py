"""Encoder benchmark: our encoders against transformers' reference, CPU, float32, 2 threads.

    python bench/bench_encoder.py [--layers 8] [--hidden 512] [--repeats 2] [--family kimi_k25]
                                  [--skip-memory] [--skip-profile] [--json FILE]

1. Tokens per image for 1280x800, 1920x1080 and 3840x2160, both families.
2. Speed: a mid-size random checkpoint per family (saved, then loaded by both sides through
   their public loaders), a packed 1920x1080 + 1280x800 pair prepared at the family's budget;
   wall and CPU seconds of each side (best of --repeats, alternating), their ratio, and the
   largest difference of the outputs.
3. Profile: operator shares of both sides on one 1280x800 image, with the achieved GFLOP/s of
   the attention kernel beside a plain GEMM's: where attention and GEMMs are nearly all the
   reference's time and run near GEMM speed, the reference is at the hardware's limit.
4. Memory: peak resident memory of our Kimi K2.5 encoder on a 3840x2160 image at the 16384-patch
   budget, and for 1, 2 and 3 packed 1920x1080 images (each in a fresh process).
CPU seconds are reported beside wall seconds because on a shared machine wall time mostly
measures the neighbours.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vision.encoder import load, prepare_images  # noqa: E402
from vision.resize import KIMI, QWEN, num_tokens  # noqa: E402

SIZES = [(1280, 800), (1920, 1080), (3840, 2160)]
PAIR = [(1920, 1080), (1280, 800)]


def ui_image(width: int, height: int, seed: int) -> np.ndarray:
    """A screenshot-like RGB image: a light page with bars, cards and noise (timing does not
    depend on content, but the output check should see realistic value ranges)."""
    rng = np.random.default_rng(seed)
    img = np.full((height, width, 3), 245, np.uint8)
    img[: height // 12] = (30, 60, 110)
    for _ in range(40):
        x, y = rng.integers(0, width - 40), rng.integers(height // 12, height - 40)
        w, h = rng.integers(40, width // 4), rng.integers(20, height // 6)
        img[y:y + h, x:x + w] = rng.integers(0, 256, 3)
    return np.clip(img.astype(np.int16) + rng.integers(-6, 7, img.shape), 0, 255).astype(np.uint8)


def write_checkpoint(family: str, folder: Path, layers: int, hidden: int) -> None:
    """A random checkpoint with a mid-size vision tower and a tiny language model."""
    torch.manual_seed(0)
    if family == KIMI:
        from transformers import Kimi_K25Config, Kimi_K25ForConditionalGeneration

        cfg = Kimi_K25Config(
            text_config=dict(model_type="deepseek_v3", vocab_size=256, hidden_size=1024, intermediate_size=128,
                             moe_intermediate_size=16, num_hidden_layers=1, num_attention_heads=2,
                             num_key_value_heads=2, q_lora_rank=16, kv_lora_rank=16, qk_rope_head_dim=8,
                             qk_nope_head_dim=8, v_head_dim=8, n_routed_experts=2, num_experts_per_tok=1,
                             first_k_dense_replace=1, n_group=1, topk_group=1),
            vision_config=dict(num_hidden_layers=layers, hidden_size=hidden, intermediate_size=4 * hidden,
                               num_attention_heads=hidden // 64),
            projection_hidden_size=hidden,
        )
        Kimi_K25ForConditionalGeneration(cfg).save_pretrained(str(folder))
    else:
        from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

        full = [i for i in range(layers) if i % 4 == 3]  # twice the real share (4 of 32)
        cfg = Qwen2_5_VLConfig(
            text_config=dict(vocab_size=256, hidden_size=1024, intermediate_size=128, num_hidden_layers=1,
                             num_attention_heads=4, num_key_value_heads=2, bos_token_id=None, eos_token_id=None,
                             rope_parameters={"rope_type": "default", "rope_theta": 1e4,
                                              "mrope_section": [16, 24, 24]}),
            vision_config=dict(depth=layers, hidden_size=hidden, num_heads=hidden // 64,
                               intermediate_size=hidden * 8 // 3 // 8 * 8, out_hidden_size=1024, window_size=112,
                               fullatt_block_indexes=full),
        )
        Qwen2_5_VLForConditionalGeneration(cfg).save_pretrained(str(folder))


def reference(family: str, folder: Path):
    """transformers' model, and a function giving its projected features like ours."""
    if family == KIMI:
        from transformers import Kimi_K25ForConditionalGeneration as cls
    else:
        from transformers import Qwen2_5_VLForConditionalGeneration as cls
    model = cls.from_pretrained(str(folder), dtype=torch.float32, attn_implementation="sdpa").eval()
    return lambda pv, grid: torch.cat(model.model.get_image_features(pv, grid).pooler_output)


def timed(fn, *args) -> tuple[float, float, torch.Tensor]:
    w0, c0 = time.perf_counter(), time.process_time()
    with torch.no_grad():
        out = fn(*args)
    return time.perf_counter() - w0, time.process_time() - c0, out


def speed(family: str, folder: Path, repeats: int) -> dict:
    ours, ref = load(folder), reference(family, folder)
    imgs = [ui_image(w, h, i) for i, (w, h) in enumerate(PAIR)]
    pv, grid = prepare_images(family, imgs)
    small_pv, small_grid = prepare_images(family, [ui_image(224, 224, 9)])
    timed(ours, small_pv, small_grid), timed(ref, small_pv, small_grid)  # warm-up
    best = {"ours": (1e9, 1e9), "reference": (1e9, 1e9)}
    outs = {}
    for _ in range(repeats):
        for name, fn in (("reference", ref), ("ours", ours)):
            wall, cpu, outs[name] = timed(fn, pv, grid)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    diff = (outs["ours"] - outs["reference"]).abs().max().item()
    scale = outs["reference"].abs().max().item()
    return {
        "family": family, "patches": int(grid.prod(-1).sum()), "tokens": int(outs["ours"].shape[0]),
        "reference_wall_s": best["reference"][0], "ours_wall_s": best["ours"][0],
        "reference_cpu_s": best["reference"][1], "ours_cpu_s": best["ours"][1],
        "ratio_wall": best["reference"][0] / best["ours"][0], "ratio_cpu": best["reference"][1] / best["ours"][1],
        "max_abs_diff": diff, "max_rel_diff": diff / scale, "equal": diff <= 1e-4 * max(1.0, scale),
    }


def attention_flops(family: str, grid: torch.Tensor, layers: int, hidden: int, full: set[int]) -> float:
    """FLOPs of the attention kernels (QK^T and PV) over all layers for a packed grid."""
    total = 0.0
    for t, h, w in grid.tolist():
        for i in range(layers):
            if family == KIMI or i in full:
                seg = [h * w * (t if family == KIMI else 1)] * (1 if family == KIMI else t)
            else:
                seg = []
                for r in range(0, h, 8):
                    for c in range(0, w, 8):
                        seg.append(min(8, h - r) * min(8, w - c))
                seg = seg * t
            total += sum(4.0 * n * n * hidden for n in seg)
    return total


def gemm_gflops() -> float:
    a, b = torch.randn(4096, 512), torch.randn(512, 2048)
    c0 = time.process_time()
    for _ in range(10):
        a @ b
    return 10 * 2 * 4096 * 512 * 2048 / (time.process_time() - c0) / 1e9


def profile(family: str, folder: Path, layers: int, hidden: int) -> dict:
    """Operator shares (by CPU time) of both sides on one 1280x800 image."""
    from torch.profiler import ProfilerActivity, profile as torch_profile

    ours, ref = load(folder), reference(family, folder)
    pv, grid = prepare_images(family, [ui_image(1280, 800, 3)])
    full = {i for i in range(layers) if i % 4 == 3} if family == QWEN else set()
    flops = attention_flops(family, grid, layers, hidden, full)
    result = {"gemm_gflops_per_cpu_s": gemm_gflops()}
    for name, fn in (("reference", ref), ("ours", ours)):
        with torch.no_grad(), torch_profile(activities=[ProfilerActivity.CPU]) as prof:
            c0 = time.process_time()
            fn(pv, grid)
            cpu = time.process_time() - c0
        rows = sorted(prof.key_averages(), key=lambda e: e.self_cpu_time_total, reverse=True)
        total = sum(e.self_cpu_time_total for e in rows)
        shares = {e.key: e.self_cpu_time_total / total for e in rows[:8]}
        attn = sum(v for k, v in shares.items() if "scaled_dot_product" in k)
        gemm = sum(v for k, v in shares.items() if k in ("aten::addmm", "aten::mm", "aten::bmm"))
        result[name] = {"cpu_s": cpu, "top_ops": shares, "attention_share": attn, "gemm_share": gemm,
                        "attention_gflops_per_cpu_s": flops / (attn * cpu) / 1e9 if attn else None}
    return result


def memory_child(kind: str, count: int, folder: str) -> None:
    """Run in a fresh process: peak RSS of one forward above the RSS just before it."""
    torch.set_num_threads(2)
    enc = load(folder)
    if kind == "4k":
        imgs = [ui_image(3840, 2160, 0)]
    else:
        imgs = [ui_image(1920, 1080, i) for i in range(count)]
    pv, grid = prepare_images(KIMI, imgs)

    def rss(field: str) -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
        return 0

    Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current RSS
    before = rss("VmRSS:")
    w0, c0 = time.perf_counter(), time.process_time()
    with torch.no_grad():
        out = enc(pv, grid)
    print(json.dumps({"patches": int(grid.prod(-1).sum()), "tokens": int(out.shape[0]), "grid": grid.tolist(),
                      "peak_mb": (rss("VmHWM:") - before) / 2**20, "wall_s": time.perf_counter() - w0,
                      "cpu_s": time.process_time() - c0}))


def memory(folder: Path, parallel: bool = False) -> dict:
    """Each case in its own process (so peaks do not mix); concurrently on a machine with cores
    to spare, one after another otherwise."""
    cases = (("4k", 1), ("pack", 1), ("pack", 2), ("pack", 3))
    procs = {}
    result = {}
    for kind, count in cases:
        cmd = [sys.executable, __file__, "--memory-child", kind, str(count), str(folder)]
        # Every block over 64 KiB gets its own mapping, returned on free: resident memory then
        # follows the live tensors instead of what malloc kept from earlier work.
        env = {**os.environ, "MALLOC_MMAP_THRESHOLD_": "65536", "MALLOC_TRIM_THRESHOLD_": "65536"}
        procs[f"{kind}_{count}"] = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                                    text=True, env=env)
        if not parallel:
            procs[f"{kind}_{count}"].wait()
    for key, proc in procs.items():
        out, _ = proc.communicate()
        if proc.returncode:
            raise RuntimeError(f"memory case {key} failed")
        result[key] = json.loads(out.strip().splitlines()[-1])
    return result


def print_memory(m: dict) -> None:
    k = m["4k_1"]
    print(f"  3840x2160 at the 16384-patch budget: grid {k['grid'][0][1]}x{k['grid'][0][2]}, "
          f"{k['tokens']:,} tokens, peak +{k['peak_mb']:.0f} MB, {k['wall_s']:.1f} s wall {k['cpu_s']:.1f} s cpu")
    for n in (1, 2, 3):
        e = m[f"pack_{n}"]
        print(f"  {n} x 1920x1080 packed: {e['patches']:,} patches, peak +{e['peak_mb']:.0f} MB "
              f"({e['peak_mb'] / n:.0f} MB per image)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=512)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--family", choices=[KIMI, QWEN, "both"], default="both")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-profile", action="store_true")
    ap.add_argument("--memory-only", action="store_true", help="only the Kimi K2.5 memory cases")
    ap.add_argument("--memory-parallel", action="store_true", help="run the memory cases concurrently")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--memory-child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    torch.set_num_threads(2)
    if args.memory_child:
        kind, count, folder = args.memory_child
        memory_child(kind, int(count), folder)
        return
    report: dict = {"threads": torch.get_num_threads(), "layers": args.layers, "hidden": args.hidden}
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, float32, "
          f"{args.layers} layers, hidden {args.hidden}, {args.hidden // 64} heads")
    report["tokens"] = {f: {f"{w}x{h}": num_tokens(f, w, h) for w, h in SIZES} for f in (QWEN, KIMI)}
    print("\ntokens per image:")
    for f, row in report["tokens"].items():
        print(f"  {f:11s} " + "  ".join(f"{k}: {v:>6,}" for k, v in row.items()))
    if os.environ.get("OMP_NUM_THREADS") not in (None, "2"):
        print("note: OMP_NUM_THREADS is set; torch uses 2 threads regardless")
    families = [KIMI, QWEN] if args.family == "both" else [args.family]
    if args.memory_only:
        with tempfile.TemporaryDirectory() as tmp:
            write_checkpoint(KIMI, Path(tmp), args.layers, args.hidden)
            report["memory_kimi_k25"] = memory(Path(tmp), args.memory_parallel)
        print(f"\n{KIMI} memory:")
        print_memory(report["memory_kimi_k25"])
        families = []
    with tempfile.TemporaryDirectory() as tmp:
        for family in families:
            folder = Path(tmp) / family
            write_checkpoint(family, folder, args.layers, args.hidden)
            r = speed(family, folder, args.repeats)
            report[f"speed_{family}"] = r
            print(f"\n{family}: packed 1920x1080 + 1280x800 = {r['patches']:,} patches -> {r['tokens']:,} tokens")
            print(f"  reference {r['reference_wall_s']:7.2f} s wall {r['reference_cpu_s']:7.2f} s cpu")
            print(f"  ours      {r['ours_wall_s']:7.2f} s wall {r['ours_cpu_s']:7.2f} s cpu")
            print(f"  speed-up  {r['ratio_wall']:.2f}x wall, {r['ratio_cpu']:.2f}x cpu; outputs equal: {r['equal']} "
                  f"(max abs diff {r['max_abs_diff']:.2e}, relative {r['max_rel_diff']:.2e})")
            if not args.skip_profile:
                p = profile(family, folder, args.layers, args.hidden)
                report[f"profile_{family}"] = p
                print(f"  profile on one 1280x800 image (plain GEMM: {p['gemm_gflops_per_cpu_s']:.1f} GFLOP/s per cpu-s):")
                for side in ("reference", "ours"):
                    s = p[side]
                    rate = s["attention_gflops_per_cpu_s"] or 0.0
                    print(f"    {side:9s} {s['cpu_s']:6.2f} cpu-s; attention kernel {s['attention_share']:.0%}"
                          f" ({rate:.1f} GFLOP/s per cpu-s), GEMMs {s['gemm_share']:.0%}")
                    for op, share in s["top_ops"].items():
                        print(f"        {share:6.1%}  {op}")
                bound = p["reference"]["attention_share"] + p["reference"]["gemm_share"]
                p["speedup_ceiling"] = 1 / bound
                print(f"  the reference spends {bound:.0%} of its time in the attention kernel and GEMMs, which run"
                      f" near the machine's GEMM speed and which any float32 implementation must also run:"
                      f" removing everything else would give at most {1 / bound:.2f}x")
            if family == KIMI and not args.skip_memory:
                report["memory_kimi_k25"] = memory(folder, args.memory_parallel)
                print_memory(report["memory_kimi_k25"])
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()

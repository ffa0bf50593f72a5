// Geometric checks on the live layout; coordinates are page pixels (= screenshot pixels when the
// viewport has the screenshot's size). Returns [{category, box, severity, message, fix, selector}].
() => {
  const W = innerWidth, H = Math.max(innerHeight, document.documentElement.scrollHeight);
  const out = [];
  const cssPath = (el) => {
    if (!(el instanceof Element)) return '';
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
      if (e.id && /^[A-Za-z][\w-]*$/.test(e.id) && document.querySelectorAll('#' + e.id).length === 1) { parts.unshift('#' + e.id); break; }
      const tag = e.tagName.toLowerCase();
      if (tag === 'html' || tag === 'body') { parts.unshift(tag); break; }
      let k = 1; for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === e.tagName) k++;
      parts.unshift(k > 1 || (e.nextElementSibling && Array.from(e.parentElement.children).filter(c => c.tagName === e.tagName).length > 1) ? `${tag}:nth-of-type(${k})` : tag);
    }
    return parts.join(' > ');
  };
  const pageBox = (r) => [r.left + scrollX, r.top + scrollY, r.width, r.height];
  const onScreen = (r) => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < W && r.top < H;
  const shown = (el) => { for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const cs = getComputedStyle(e); if (cs.display === 'none' || parseFloat(cs.opacity) === 0) return false; }
    const cs = getComputedStyle(el); return cs.visibility === 'visible'; };
  const add = (category, el, box, severity, message, fix) => out.push({category, box, severity, message, fix, selector: el ? cssPath(el) : 'html'});
  const all = Array.from(document.body ? document.body.querySelectorAll('*') : []);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'META', 'LINK', 'HEAD', 'TITLE']);

  // text rects, one per line box of each visible text node
  const texts = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const rng = document.createRange();
  let n;
  while ((n = walker.nextNode())) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement; if (!el || SKIP.has(el.tagName) || !shown(el)) continue;
    rng.selectNodeContents(n);
    for (const r of rng.getClientRects()) if (r.width > 1 && r.height > 1 && onScreen(r)) texts.push({el, r, node: n});
  }
  // 1. broken images
  for (const img of document.images) {
    const r = img.getBoundingClientRect();
    if (!onScreen(r) || !shown(img)) continue;
    if ((img.currentSrc || img.getAttribute('src')) && img.complete && img.naturalWidth === 0)
      add('broken-image', img, pageBox(r), 'error', `Image failed to load: ${(img.getAttribute('src') || '').slice(0, 80)}`,
          'Fix the `src` URL (path, case, deployment) or remove the <img>; keep a meaningful `alt`');
  }
  // 2. small text
  const seenSmall = new Set();
  for (const t of texts) {
    if (seenSmall.has(t.el)) continue; seenSmall.add(t.el);
    const fs = parseFloat(getComputedStyle(t.el).fontSize);
    if (fs < 12 && t.node.textContent.trim().length > 1) {
      rng.selectNodeContents(t.el); const r = rng.getBoundingClientRect();
      add('small-text', t.el, pageBox(r), fs < 10 ? 'error' : 'warning', `Font size is ${fs}px (under 12px)`,
          `Set \`font-size\` to at least 12px on ${cssPath(t.el)}`);
    }
  }
  // 3. small targets (inline links inside sentences are exempt, as in WCAG 2.5.8)
  const targets = all.filter(el => el.matches('a[href],button,input:not([type=hidden]),select,textarea,[role=button],[role=link],[onclick]') && shown(el))
    .map(el => ({el, r: el.getBoundingClientRect()})).filter(t => t.r.width >= 4 && t.r.height >= 4 && onScreen(t.r));
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distToRect = (p, r) => Math.hypot(Math.max(r.left - p[0], 0, p[0] - r.right), Math.max(r.top - p[1], 0, p[1] - r.bottom));
  const small = targets.filter(t => t.r.width < 24 || t.r.height < 24);
  for (const t of small) {
    const el = t.el, r = t.r;
    if (el.tagName === 'A' && el.parentElement && Array.from(el.parentElement.childNodes).some(c => c.nodeType === 3 && c.textContent.trim().length > 1)) continue;
    if (el.closest('label') || (el.type === 'checkbox' || el.type === 'radio') && el.labels && el.labels.length) continue;
    // WCAG 2.5.8 spacing exception: a 24px circle on its centre touches no other target
    const c = centre(r);
    const crowded = targets.some(u => u !== t && !u.el.contains(el) && !el.contains(u.el) &&
      (distToRect(c, u.r) < 12 || (small.includes(u) && Math.hypot(c[0] - centre(u.r)[0], c[1] - centre(u.r)[1]) < 24)));
    add('small-target', el, pageBox(r), crowded ? 'warning' : 'info',
        `Target is ${Math.round(r.width)}x${Math.round(r.height)}px (under 24x24px)${crowded ? ' and crowded by its neighbours' : ''}`,
        `Give ${cssPath(el)} \`min-width: 24px; min-height: 24px\` (or padding), or 24px of spacing around it`);
  }
  // 4. overlapping text of different nodes
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i].r, b = texts[j].r; if (texts[i].node === texts[j].node) continue;
    const iw = Math.min(a.right, b.right) - Math.max(a.left, b.left), ih = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const mh = Math.min(a.height, b.height);
    if (iw > Math.max(4, 0.4 * mh) && ih > 0.3 * mh) {
      const x0 = Math.min(a.left, b.left), y0 = Math.min(a.top, b.top);
      add('text-overlap', texts[j].el, [x0 + scrollX, y0 + scrollY, Math.max(a.right, b.right) - x0, Math.max(a.bottom, b.bottom) - y0], 'error',
          `Text "${texts[i].node.textContent.trim().slice(0, 30)}" and "${texts[j].node.textContent.trim().slice(0, 30)}" overlap`,
          `Remove the offset stacking ${cssPath(texts[j].el)} on ${cssPath(texts[i].el)} (absolute position, negative margin) or give them room`);
    }
  }
  // 5. text covered by another opaque element
  const opaque = (el) => { const cs = getComputedStyle(el);
    if (['IMG', 'VIDEO', 'CANVAS', 'svg', 'IFRAME', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return true;
    const m = cs.backgroundColor.match(/[\d.]+/g); return (m && (m.length < 4 || parseFloat(m[3]) > 0.5)) || cs.backgroundImage !== 'none'; };
  const covered = new Set();
  for (const t of texts) {
    if (covered.has(t.el)) continue;
    const r = t.r; if (r.top < 0 || r.bottom > innerHeight) continue;
    // probes a line height apart: anything that hides more than a letter is hit by one
    const n = Math.max(5, Math.ceil(r.width / Math.max(8, r.height)));
    for (let k = 0; k < n; k++) {
      const x = r.left + r.width * (k + 0.5) / n, y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === t.el || hit.contains(t.el) || t.el.contains(hit)) continue;
      if (!opaque(hit)) continue;
      const hr = hit.getBoundingClientRect();
      covered.add(t.el);
      const x0 = Math.min(hr.left, r.left), y0 = Math.min(hr.top, r.top);
      add('element-overlap', hit, [x0 + scrollX, y0 + scrollY, Math.max(hr.right, r.right) - x0, Math.max(hr.bottom, r.bottom) - y0], 'error',
          `${cssPath(hit)} covers part of the text "${t.node.textContent.trim().slice(0, 30)}"`,
          `Move ${cssPath(hit)} (check position/z-index/negative margins) or reserve space for it`);
      break;
    }
  }
  // 6. clipped text (overflow hidden / ellipsis / line clamp)
  for (const el of all) {
    if (SKIP.has(el.tagName) || !el.textContent.trim()) continue;
    const cs = getComputedStyle(el);
    if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
    if (cs.overflowX === 'auto' || cs.overflowX === 'scroll' || cs.overflowY === 'auto' || cs.overflowY === 'scroll') continue;
    const r = el.getBoundingClientRect(); if (!onScreen(r) || !shown(el) || r.width < 4 || r.height < 4) continue;
    const overX = el.scrollWidth > el.clientWidth + 1, overY = el.scrollHeight > el.clientHeight + 1;
    if (!overX && !overY) continue;
    // is text what gets cut?
    let cut = false;
    for (const t of texts) if (el.contains(t.el) && (t.r.right > r.right + 1 || t.r.bottom > r.bottom + 1 || t.r.left < r.left - 1)) { cut = true; break; }
    const ell = cs.textOverflow === 'ellipsis' && overX;
    if (!cut && !ell) continue;
    add('text-truncation', el, pageBox(r), ell ? 'warning' : 'error',
        ell ? 'Text is truncated with an ellipsis' : `Text is clipped by overflow:hidden (${el.scrollWidth}x${el.scrollHeight} content in ${el.clientWidth}x${el.clientHeight})`,
        `On ${cssPath(el)}: allow wrapping (\`white-space: normal\`), remove the fixed width/height, or remove \`overflow: hidden\``);
  }
  // a block cut off by an ancestor that hides overflow, as against what is meant to be cut: a
  // carousel's track (a row of slides that each fit, the next ones waiting past the edge), a
  // picture cropped by its frame, anything positioned or moved out of the frame. A positioned
  // or moved wrapper that stays inside the frame (the slide on show, a bar pinned in its header,
  // a track whose slides spill out of it) is a slot: a block wider than its slot is cut by mistake.
  const MEDIA = new Set(['IMG', 'VIDEO', 'CANVAS', 'svg', 'PICTURE', 'IFRAME']);
  const cutBlock = (el, r, clip) => {
    if (MEDIA.has(el.tagName)) return false;
    const cr = clip.getBoundingClientRect(), edge = Math.min(W, cr.right);
    for (let e = el; e && e !== clip; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.position !== 'absolute' && cs.transform === 'none') continue;
      const er = e.getBoundingClientRect();
      // positioned itself: a panel parked out of view, unless no frame could ever show it whole
      if (e === el && r.width > cr.width + 2 && r.left >= cr.left - 2) continue;
      if (e === el || er.left < cr.left - 2 || er.right > edge + 2 || r.width <= er.width + 2) return false;
    }
    const kids = Array.from(el.children).map(k => k.getBoundingClientRect()).filter(kr => kr.width > 0 && kr.height > 0);
    const lefts = new Set(kids.map(kr => Math.round(kr.left)));
    if (kids.length >= 2 && lefts.size >= 2 && kids.every(kr => kr.width <= cr.width + 2) && kids.some(kr => kr.right > edge + 2)) return false;
    return true;
  };
  // 7. content wider than the viewport
  for (const el of all) {
    if (SKIP.has(el.tagName)) continue;
    const r = el.getBoundingClientRect(); if (r.width === 0 || r.height === 0 || r.right <= W + 2 || r.left >= W) continue;
    const cs = getComputedStyle(el); if (cs.position === 'fixed' || !shown(el)) continue;
    let clip = null, parentOver = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const pr = p.getBoundingClientRect(), pcs = getComputedStyle(p);
      if ((pcs.overflowX === 'hidden' || pcs.overflowX === 'clip') && pr.right <= W + 2
          && p !== document.body && p !== document.documentElement) { clip = p; break; }
      if (p === document.body || p === document.documentElement) break;  // their overflow is the viewport's
      if (pcs.overflowX === 'auto' || pcs.overflowX === 'scroll') { parentOver = true; break; }  // it scrolls
      if (pr.right > W + 2 && pr.left < W) parentOver = true;
    }
    if (parentOver) continue;
    const box = [r.left + scrollX, r.top + scrollY, Math.min(r.width, W - r.left), r.height];
    if (!clip) {
      add('overflow', el, box, 'error',
          `Element is ${Math.round(r.width)}px wide and runs ${Math.round(r.right - W)}px past the ${W}px viewport`,
          `Constrain ${cssPath(el)}: \`max-width: 100%\`, remove the fixed width/min-width, or let it wrap`);
    } else if (cutBlock(el, r, clip)) {
      const edge = Math.min(W, clip.getBoundingClientRect().right);
      const textCut = texts.some(t => el.contains(t.el) && t.r.right > edge + 1);
      add('overflow', el, box, textCut ? 'error' : 'warning',
          `Element is ${Math.round(r.width)}px wide; ${cssPath(clip)} (overflow: ${getComputedStyle(clip).overflowX}) cuts off its last ${Math.round(r.right - W)}px at the viewport's edge` +
          (textCut ? ', text included' : ' (no text in that part yet)'),
          `Constrain ${cssPath(el)}: \`max-width: 100%\`, remove the fixed width/min-width, or let it wrap`);
    }
  }
  // 8. holes: flow elements hidden with visibility:hidden / opacity:0 that still take space
  const holes = [];
  for (const el of all) {
    const cs = getComputedStyle(el);
    if (!(cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) || cs.display === 'none') continue;
    if (cs.position === 'absolute' || cs.position === 'fixed') continue;
    if (holes.some(h => h.contains(el))) continue;
    const r = el.getBoundingClientRect(); if (!onScreen(r)) continue;
    if (r.width * r.height < 0.03 * W * innerHeight || r.width < 96 || r.height < 64) continue;
    if (!(el.textContent.trim() || el.querySelector('img,svg,video,canvas'))) continue;
    holes.push(el);
    add('blank-area', el, pageBox(r), 'warning', `${cssPath(el)} is invisible (${cs.visibility === 'hidden' ? 'visibility:hidden' : 'opacity:0'}) but still takes ${Math.round(r.width)}x${Math.round(r.height)}px`,
        `Show it, or remove it from the layout with \`display: none\``);
  }
  const anyContent = texts.some(t => t.r.top < innerHeight) || Array.from(document.images).some(i => shown(i) && onScreen(i.getBoundingClientRect()));
  if (!anyContent) add('blank-area', document.body, [0, 0, W, innerHeight], 'error', 'The page shows nothing: no visible text or images',
      'Check that the content loads and that no CSS hides the body (visibility, opacity, display)');
  // 9. misaligned siblings in vertical stacks
  for (const p of all) {
    const kids = Array.from(p.children).filter(k => !SKIP.has(k.tagName) && shown(k) && k.getBoundingClientRect().height > 0);
    if (kids.length < 3) continue;
    const rs = kids.map(k => k.getBoundingClientRect());
    if (!rs.every(onScreen)) continue;
    let stacked = true; for (let i = 1; i < rs.length; i++) if (rs[i].top < rs[i - 1].bottom - 1) { stacked = false; break; }
    if (!stacked) continue;
    const lefts = rs.map(r => Math.round(r.left * 2) / 2);
    const counts = {}; for (const l of lefts) counts[l] = (counts[l] || 0) + 1;
    const [mode, cnt] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    if (cnt < 2 || cnt < (2 / 3) * kids.length) continue;
    kids.forEach((k, i) => {
      const dx = rs[i].left - parseFloat(mode);
      if (Math.abs(dx) >= 1 && Math.abs(dx) <= 15)
        add('misalignment', k, pageBox(rs[i]), 'warning', `Left edge is ${Math.abs(dx).toFixed(0)}px ${dx > 0 ? 'right' : 'left'} of its ${cnt} aligned siblings`,
            `Remove the stray ${Math.abs(dx).toFixed(0)}px offset (margin/padding/left/transform) on ${cssPath(k)}`);
    });
  }
  return out;
}

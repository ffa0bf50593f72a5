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

  // What an element's ancestors let show of it: overflow clips, `clip: rect()` and
  // `clip-path: inset()` up the chain of containing blocks (an absolute box escapes the overflow
  // of unpositioned ancestors, a fixed one all of them). Visually hidden text (sr-only, a 1px
  // box, clipped off, slid out of its frame) shows nothing and is no text of the screenshot.
  const ALL_OF_IT = [-1e9, -1e9, 1e9, 1e9];
  const meet = (a, b) => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  const lengthOf = (s, ref) => s.endsWith('%') ? parseFloat(s) / 100 * ref : parseFloat(s) || 0;
  const ownClip = (e, cs) => {
    const b = e.getBoundingClientRect(); let c = ALL_OF_IT;
    const inner = cs.transform !== 'none' ? [b.left, b.top, b.right, b.bottom]
      : [b.left + e.clientLeft, b.top + e.clientTop, b.left + e.clientLeft + e.clientWidth, b.top + e.clientTop + e.clientHeight];
    if (cs.overflowX !== 'visible') c = meet(c, [inner[0], -1e9, inner[2], 1e9]);
    if (cs.overflowY !== 'visible') c = meet(c, [-1e9, inner[1], 1e9, inner[3]]);
    const rect = (cs.position === 'absolute' || cs.position === 'fixed') && cs.clip.match(/^rect\(([^)]*)\)/);
    if (rect) {
      const v = rect[1].split(/[\s,]+/).filter(Boolean), at = (k, d) => v[k] === 'auto' || v[k] === undefined ? d : parseFloat(v[k]);
      c = meet(c, [b.left + at(3, 0), b.top + at(0, 0), b.left + at(1, b.width), b.top + at(2, b.height)]);
    }
    const ins = cs.clipPath.match(/^inset\(([^)]*?)(?:\s+round\b[^)]*)?\)/);
    if (ins) {
      const v = ins[1].trim().split(/\s+/), q = [v[0], v[1] ?? v[0], v[2] ?? v[0], v[3] ?? v[1] ?? v[0]];
      c = meet(c, [b.left + lengthOf(q[3], b.width), b.top + lengthOf(q[0], b.height),
                   b.right - lengthOf(q[1], b.width), b.bottom - lengthOf(q[2], b.height)]);
    }
    return c;
  };
  const clipMemo = [new Map(), new Map()];
  const clipFrom = (e, escaping) => {
    if (!e || e === document.body || e === document.documentElement) return ALL_OF_IT;
    const memo = clipMemo[+escaping]; if (memo.has(e)) return memo.get(e);
    const cs = getComputedStyle(e), contains = cs.position !== 'static' || cs.transform !== 'none';
    const up = cs.position === 'fixed' ? ALL_OF_IT : clipFrom(e.parentElement, cs.position === 'absolute' || (escaping && !contains));
    const c = escaping && !contains ? up : meet(up, ownClip(e, cs));
    memo.set(e, c); return c;
  };
  const showing = (el, r) => { const c = meet(clipFrom(el, false), [r.left, r.top, r.right, r.bottom]);
    return c[2] - c[0] >= 2 && c[3] - c[1] >= 2 ? c : null; };
  // see-through letters, unless a background is painted through them (background-clip: text)
  const inkless = (el) => { const m = getComputedStyle(el).color.match(/[\d.]+/g); if (!m || m.length < 4 || parseFloat(m[3]) > 0.05) return false;
    for (let e = el, k = 0; e && k < 4; e = e.parentElement, k++) { const cs = getComputedStyle(e);
      if (cs.backgroundClip === 'text' || cs.webkitBackgroundClip === 'text') return false; }
    return true; };
  // text rects, one per line box of each visible text node (v: the part that shows)
  const texts = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const rng = document.createRange();
  let n;
  while ((n = walker.nextNode())) {
    if (!n.textContent.trim()) continue;
    const el = n.parentElement; if (!el || SKIP.has(el.tagName) || !shown(el) || inkless(el)) continue;
    rng.selectNodeContents(n);
    for (const r of rng.getClientRects()) {
      if (!(r.width > 1 && r.height > 1 && onScreen(r))) continue;
      const v = showing(el, r); if (v) texts.push({el, r, v, node: n});
    }
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
  // form controls paint only the background they are given (a transparent field shows its label)
  const opaque = (el) => { const cs = getComputedStyle(el);
    if (!shown(el)) return false;
    if (['IMG', 'VIDEO', 'CANVAS', 'svg', 'IFRAME'].includes(el.tagName)) return true;
    const m = cs.backgroundColor.match(/[\d.]+/g); return (m && (m.length < 4 || parseFloat(m[3]) > 0.5)) || cs.backgroundImage !== 'none'; };
  // a control drawn over its own label or placeholder stand-in (label[for], a wrapping label,
  // aria-labelledby, or text sharing a wrapper about the control's size) hides it on purpose
  const CONTROL = 'input,select,textarea,button,[role=combobox],[role=textbox],[role=searchbox],[contenteditable=true],[contenteditable=""]';
  const ownLabel = (ctl, el) => {
    if (!ctl.matches(CONTROL)) return false;
    if (ctl.labels && Array.from(ctl.labels).some(l => l.contains(el))) return true;
    const ids = (ctl.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    if (ids.some(id => { const l = document.getElementById(id); return l && l.contains(el); })) return true;
    let w = ctl.parentElement; while (w && !w.contains(el)) w = w.parentElement;
    if (!w || w === document.body) return false;
    const wr = w.getBoundingClientRect(), cr = ctl.getBoundingClientRect();
    const tr = el.getBoundingClientRect(), cx = tr.left + tr.width / 2, cy = tr.top + tr.height / 2;
    return wr.width * wr.height <= 2 * cr.width * cr.height && cx >= cr.left && cx <= cr.right && cy >= cr.top && cy <= cr.bottom;
  };
  // a layer pinned over the page (a cookie or app bar along the bottom, a modal over most of the
  // screen) covers what scrolls beneath it by design
  const overlay = (el) => { for (let e = el; e && e !== document.body; e = e.parentElement) {
      const ps = getComputedStyle(e).position; if (ps !== 'fixed' && ps !== 'sticky') continue;
      const lr = e.getBoundingClientRect();
      return lr.bottom >= innerHeight - 2 || lr.width * lr.height >= 0.5 * W * innerHeight; }
    return false; };
  const covered = new Set();
  for (const t of texts) {
    if (covered.has(t.el)) continue;
    const r = t.r; if (r.top < 0 || r.bottom > innerHeight) continue;
    // a line mostly off the screen's side (a panel parked there) shows too little to be covered
    const v = meet(t.v, [0, 0, W, innerHeight]); if (v[2] - v[0] < 0.5 * r.width) continue;
    // probes a line height apart over the part that shows: anything hiding more than a letter is hit by one
    const vw = v[2] - v[0], n = Math.max(5, Math.ceil(vw / Math.max(8, r.height)));
    for (let k = 0; k < n; k++) {
      const x = v[0] + vw * (k + 0.5) / n, y = (v[1] + v[3]) / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === t.el || hit.contains(t.el) || t.el.contains(hit)) continue;
      if (!opaque(hit) || ownLabel(hit, t.el) || overlay(hit)) continue;
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
  // document x (a page scrolled sideways, say by an autofocused field, keeps its edges)
  const docRect = (e) => { const b = e.getBoundingClientRect();
    return {left: b.left + scrollX, right: b.right + scrollX, top: b.top, bottom: b.bottom, width: b.width, height: b.height}; };
  // a block cut off by an ancestor that hides overflow, as against what is meant to be cut: a
  // carousel's track (a row of like slides that each fit, the next ones waiting past the edge), a
  // picture cropped by its frame, anything positioned or moved out of the frame. A positioned
  // or moved wrapper that stays inside the frame (the slide on show, a bar pinned in its header,
  // a track whose slides spill out of it) is a slot: a block wider than its slot is cut by mistake.
  const MEDIA = new Set(['IMG', 'VIDEO', 'CANVAS', 'svg', 'PICTURE', 'IFRAME']);
  const cutBlock = (el, r, clip) => {
    if (MEDIA.has(el.tagName)) return false;
    const cr = docRect(clip), edge = Math.min(W, cr.right), start = Math.max(0, cr.left);
    for (let e = el; e && e !== clip; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.position !== 'absolute' && cs.transform === 'none') continue;
      const er = docRect(e);
      // positioned itself: a panel parked out of view, unless no frame could ever show it whole
      if (e === el && r.width > cr.width + 2) continue;
      if (e === el || er.left < cr.left - 2 || er.right > edge + 2 || r.width <= er.width + 2) return false;
    }
    const kids = Array.from(el.children).map(docRect).filter(kr => kr.width > 0 && kr.height > 0);
    const lefts = new Set(kids.map(kr => Math.round(kr.left)));
    const ws = kids.map(kr => kr.width);
    if (kids.length >= 2 && lefts.size >= 2 && kids.every(kr => kr.width <= cr.width + 2) && Math.max(...ws) <= 1.25 * Math.min(...ws)
        && kids.some(kr => kr.right > edge + 2 || kr.left < start - 2)) return false;
    return true;
  };
  // 7. content wider than the viewport, past its right edge or (grown from a right-aligned or
  // centred spot) its left one, where nothing can scroll to it; past the left edge only what is
  // wider than the screen, as a rail or menu parked half out of view on that side is on purpose
  const pageScroller = (p, pr) => pr.left <= 2 && pr.width >= W - 20 && pr.height >= 0.9 * innerHeight;
  for (const el of all) {
    if (SKIP.has(el.tagName)) continue;
    const r = docRect(el); if (r.width === 0 || r.height === 0 || r.left >= W || r.right <= 0) continue;
    const pastRight = r.right > W + 2, pastLeft = r.left < -2 && r.width > W + 2; if (!pastRight && !pastLeft) continue;
    // a block faded out for now (opacity 0 on it or above: a slide waiting its turn) shows cut once it fades in
    const cs = getComputedStyle(el); if (cs.position === 'fixed' || cs.visibility !== 'visible') continue;
    const faded = !shown(el), later = faded ? ' (faded out for now, opacity 0: it shows cut when it fades in)' : '';
    let clip = null, parentOver = false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const pr = docRect(p), pcs = getComputedStyle(p);
      if ((pcs.overflowX === 'hidden' || pcs.overflowX === 'clip') && pr.right <= W + 2 && pr.left >= -2
          && p !== document.body && p !== document.documentElement) { clip = p; break; }
      if (p === document.body || p === document.documentElement) break;  // their overflow is the viewport's
      // it scrolls, unless it is the page's own scroller standing in for the viewport; what sticks
      // out before a scroller's start edge (the left, left to right) can never be scrolled to, so
      // the scroller cuts it as a hidden overflow would
      if (pcs.overflowX === 'auto' || pcs.overflowX === 'scroll') {
        const before = pcs.direction === 'rtl' ? r.right > pr.right + 2 && p.scrollLeft >= 0 : r.left < pr.left - 2 && p.scrollLeft <= 0;
        if (before && !pageScroller(p, pr)) clip = p; else if (!pageScroller(p, pr)) parentOver = true;
        break;
      }
      if ((pastRight && pr.right > W + 2 && pr.left < W) || (pastLeft && pr.left < -2 && pr.right > 0)) parentOver = true;
    }
    if (parentOver) continue;
    const box = [r.left, r.top + scrollY, r.width, r.height];
    const side = pastRight && pastLeft ? 'both edges of' : pastRight ? 'the right edge of' : 'the left edge of';
    if (!clip) {
      const over = Math.max(r.right - W, 0) + Math.max(-r.left, 0);
      add('overflow', el, box, faded ? 'warning' : 'error',
          `Element is ${Math.round(r.width)}px wide and runs ${Math.round(over)}px past ${side} the ${W}px viewport${later}`,
          `Constrain ${cssPath(el)}: \`max-width: 100%\`, remove the fixed width/min-width, or let it wrap`);
    } else if (cutBlock(el, r, clip)) {
      const cr = docRect(clip), edge = Math.min(W, cr.right), start = Math.max(0, cr.left);
      const over = Math.max(r.right - edge, 0) + Math.max(start - r.left, 0);
      const textCut = texts.some(t => el.contains(t.el) && (t.r.right + scrollX > edge + 1 || t.r.left + scrollX < start - 1));
      add('overflow', el, box, textCut && !faded ? 'error' : 'warning',
          `Element is ${Math.round(r.width)}px wide; ${cssPath(clip)} (overflow: ${getComputedStyle(clip).overflowX}) cuts off ${Math.round(over)}px of it on the ${pastRight && pastLeft ? 'left and right' : pastRight ? 'right' : 'left'}` +
          (textCut ? ', text included' : ' (no text in that part yet)') + later,
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
  // 9. misaligned siblings in vertical stacks: siblings that show content (text, a picture, a
  // control); a line break's box, an empty spacer or a divider drawn by CSS is no member whose
  // edge the stack shares, and would outvote the members. Nor does a member set well away from
  // the stack's left edge and centred in the parent (a logo or an icon over a column of text in a
  // centring flex box) or flush with its right side: it is aligned another way, by design
  const SHOWN = 'img,svg,video,canvas,input,button,select,textarea,picture,iframe';
  const content = (k) => k.tagName !== 'BR' && ((k.textContent || '').trim() !== '' || k.matches(SHOWN) || !!k.querySelector(SHOWN));
  const innerX = (p) => { const b = p.getBoundingClientRect(), cs = getComputedStyle(p);
    const left = b.left + p.clientLeft + parseFloat(cs.paddingLeft);
    return [left, b.left + p.clientLeft + p.clientWidth - parseFloat(cs.paddingRight)]; };
  for (const p of all) {
    const kids = Array.from(p.children).filter(k => !SKIP.has(k.tagName) && shown(k) && k.getBoundingClientRect().height > 0 && content(k));
    if (kids.length < 3) continue;
    const rs = kids.map(k => k.getBoundingClientRect());
    if (!rs.every(onScreen)) continue;
    let stacked = true; for (let i = 1; i < rs.length; i++) if (rs[i].top < rs[i - 1].bottom - 1) { stacked = false; break; }
    if (!stacked) continue;
    const lefts = rs.map(r => Math.round(r.left * 2) / 2);
    const counts = {}; for (const l of lefts) counts[l] = (counts[l] || 0) + 1;
    const [mode, cnt] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    const [pl, pr] = innerX(p);
    const otherwise = rs.filter(r => Math.abs(r.left - parseFloat(mode)) > 15
      && (Math.abs(r.left + r.width / 2 - (pl + pr) / 2) <= 1 || Math.abs(r.right - pr) <= 1)).length;
    if (cnt < 2 || cnt < (2 / 3) * (kids.length - otherwise)) continue;
    kids.forEach((k, i) => {
      const dx = rs[i].left - parseFloat(mode);
      if (Math.abs(dx) >= 1 && Math.abs(dx) <= 15)
        add('misalignment', k, pageBox(rs[i]), 'warning', `Left edge is ${Math.abs(dx).toFixed(0)}px ${dx > 0 ? 'right' : 'left'} of its ${cnt} aligned siblings`,
            `Remove the stray ${Math.abs(dx).toFixed(0)}px offset (margin/padding/left/transform) on ${cssPath(k)}`);
    });
  }
  return out;
}

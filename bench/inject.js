// Inject one known defect of a category into the live page; return its true box (viewport px).
// Called as page.evaluate(src, {category, seed}); returns {box:[x,y,w,h], note} or {error}.
async ({category, seed}) => {
  let s = seed >>> 0;
  const rnd = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const W = innerWidth, H = innerHeight;
  const rectOf = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
  const inView = (r, m = 4) => r.left >= m && r.top >= m && r.right <= W - m && r.bottom <= H - m && r.width > 0 && r.height > 0;
  const visible = (el) => { const cs = getComputedStyle(el);
    return cs.display !== 'none' && cs.visibility === 'visible' && parseFloat(cs.opacity) > 0.9; };
  // on top at its centre: not hidden behind another element
  const seen = (el, r) => { r = r || el.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit)); };
  // nothing that paints lies over el at (x, y): a transparent header box above it hides nothing
  const paints = (e) => { const cs = getComputedStyle(e); const c = parseRGB(cs.backgroundColor);
    return (c.length === 4 ? c[3] > 0.05 : c.length === 3) || cs.backgroundImage !== 'none'
      || /^(img|svg|video|canvas|iframe)$/i.test(e.tagName); };
  const onTop = (el, x, y) => { for (const e of document.elementsFromPoint(x, y)) {
      if (e === el) return true; if (!e.contains(el) && paints(e)) return false; } return false; };
  const ownText = (el) => Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
  const parseRGB = (c) => { const m = c.match(/[\d.]+/g); return m ? m.slice(0, 4).map(Number) : [0, 0, 0, 0]; };
  const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const cs = getComputedStyle(e);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') return null;
      const c = parseRGB(cs.backgroundColor); if (c.length < 4 || c[3] > 0.95) return c.slice(0, 3); if (c[3] > 0.05) return null; }
    return [255, 255, 255]; };
  const lum = (c) => { const v = c.map(x => { x /= 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const ratio = (a, b) => { const la = lum(a), lb = lum(b); return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05); };
  const clipped = (el) => { for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e); if (cs.overflow !== 'visible' || cs.position === 'fixed' || cs.position === 'sticky') return true; } return false; };
  // single-line text elements, fully on screen, on a plain background, readable size
  const texts = () => Array.from(document.body.querySelectorAll('*')).filter(el => {
    if (['SCRIPT', 'STYLE', 'svg', 'SVG', 'OPTION', 'SELECT', 'TEXTAREA', 'INPUT', 'BUTTON'].includes(el.tagName)) return false;
    const t = ownText(el); if (t.length < 8 || !/[A-Za-z\u4e00-\u9fff]{3}/.test(t)) return false;
    if (el.children.length > 0) return false;
    if (!visible(el)) return false;
    const r = el.getBoundingClientRect(); if (!inView(r, 12)) return false;
    const cs = getComputedStyle(el); const fs = parseFloat(cs.fontSize);
    if (fs < 13 || fs > 40) return false;
    const lh = parseFloat(cs.lineHeight) || fs * 1.25; if (r.height > lh * 1.6 || r.width < 60) return false;
    if (!bgOf(el) || clipped(el) || !seen(el)) return false;
    if (parseRGB(cs.color)[3] !== undefined && parseRGB(cs.color)[3] < 0.95) return false;
    return ratio(parseRGB(cs.color).slice(0, 3), bgOf(el)) >= 4.5;
  });
  // the box is measured again just before the screenshot (window.__v2cMeasure): a layout still
  // settling after the injection (a transition, a late font) would otherwise leave it stale
  const measured = (f, note) => { window.__v2cMeasure = f; return {box: f(), note}; };
  const done = (el, note) => measured(() => rectOf(el), note);
  const waitImg = (img) => new Promise(res => { if (img.complete) return res(); img.onload = img.onerror = () => res(); setTimeout(res, 3000); });
  const box = (r) => [r.left, r.top, r.width, r.height];
  const textRange = (el) => { const rg = document.createRange(); rg.selectNodeContents(el); return rg; };
  const textRect = (el) => textRange(el).getBoundingClientRect();
  const doneText = (el, note) => measured(() => box(textRect(el)), note);
  const cands = texts();
  const needText = ['text-overlap', 'element-overlap', 'text-truncation', 'low-contrast', 'small-text', 'small-target'];
  if (needText.includes(category) && !cands.length) return {error: 'no suitable text'};

  if (category === 'text-overlap') {
    const el = pick(cands); const r = textRect(el); const cs = getComputedStyle(el);
    const sp = document.createElement('span');
    sp.textContent = pick(['Limited offer today', 'New arrivals here', 'Read the full story', 'Subscribe for updates']);
    Object.assign(sp.style, {position: 'absolute', left: (r.left + scrollX + r.width * (0.1 + 0.3 * rnd())) + 'px',
      top: (r.top + scrollY + r.height * (0.35 + 0.2 * rnd())) + 'px', font: cs.font, lineHeight: 'normal',
      color: cs.color, whiteSpace: 'nowrap', zIndex: 2147483000, background: 'transparent', margin: 0, padding: 0});
    document.body.appendChild(sp);
    // a defect only where the glyphs cross: the new line's rows reach into a third of the text's
    // own line's rows and their runs share two em (a text box taller than its one line, or a line
    // that ends early, can leave the span in blank space beside or below it). Both are measured by
    // their text, not their boxes: the font shorthand brings the text's line-height, which would set
    // the span's glyphs in the middle of a line box up to three times their height
    const a0 = textRect(sp), fsz = parseFloat(cs.fontSize);
    const crosses = Array.from(textRange(el).getClientRects()).some(q =>
      Math.min(a0.bottom, q.bottom) - Math.max(a0.top, q.top) >= 0.35 * Math.min(a0.height, q.height)
      && Math.min(a0.right, q.right) - Math.max(a0.left, q.left) >= 2 * fsz);
    if (!crosses) { sp.remove(); return {error: 'the injected line does not cross the text'}; }
    return measured(() => { const a = textRect(sp), t = textRect(el);
      const x0 = Math.min(a.left, t.left), y0 = Math.min(a.top, t.top);
      return [x0, y0, Math.max(a.right, t.right) - x0, Math.max(a.bottom, t.bottom) - y0]; }, el.tagName);
  }
  if (category === 'element-overlap') {
    const el = pick(cands.filter(e => textRect(e).width > 100)); if (!el) return {error: 'no wide text'};
    const r = textRect(el); const bg = bgOf(el);
    const pal = [[37, 99, 235], [220, 38, 38], [22, 163, 74], [234, 88, 12], [31, 41, 55], [147, 51, 234]]
      .filter(c => ratio(c, bg) > 2.5);
    const c = pick(pal); const d = document.createElement('div');
    const w = 70 + rnd() * 90, padv = 6 + rnd() * 12;
    const fromLeft = rnd() < 0.3;
    const left = fromLeft ? r.left - w * 0.5 : r.left + r.width * (0.35 + 0.3 * rnd());
    Object.assign(d.style, {position: 'absolute', left: (left + scrollX) + 'px', top: (r.top + scrollY - padv) + 'px',
      width: w + 'px', height: (r.height + 2 * padv) + 'px', background: `rgb(${c})`, borderRadius: '4px',
      zIndex: 2147483000, color: '#fff', font: '600 13px sans-serif', display: 'flex', alignItems: 'center', justifyContent: 'center'});
    d.textContent = rnd() < 0.5 ? '' : pick(['Chat', 'Help', 'Sale']);
    document.body.appendChild(d);
    return done(d, el.tagName);
  }
  if (category === 'text-truncation') {
    const pool = cands.filter(e => ownText(e).length >= 14 && textRect(e).width > 110);
    const el = pick(pool); if (!el) return {error: 'no long text'};
    const r = textRect(el); const ellipsis = rnd() < 0.6;
    Object.assign(el.style, {display: 'inline-block', maxWidth: (r.width * (0.4 + 0.25 * rnd())) + 'px', whiteSpace: 'nowrap',
      overflow: 'hidden', textOverflow: ellipsis ? 'ellipsis' : 'clip', verticalAlign: 'bottom'});
    return done(el, ellipsis ? 'ellipsis' : 'clip');
  }
  if (category === 'low-contrast') {
    const el = pick(cands); const bg = bgOf(el); const fg = parseRGB(getComputedStyle(el).color).slice(0, 3);
    const target = 1.4 + rnd() * 1.5;  // always under 3:1, so a defect at any text size
    let lo = 0, hi = 1;
    for (let i = 0; i < 30; i++) { const a = (lo + hi) / 2; const c = fg.map((v, k) => bg[k] + (v - bg[k]) * a);
      if (ratio(c, bg) > target) hi = a; else lo = a; }
    const c = fg.map((v, k) => Math.round(bg[k] + (v - bg[k]) * lo));
    el.style.color = `rgb(${c})`;
    return doneText(el, 'ratio ' + ratio(c, bg).toFixed(2));
  }
  if (category === 'small-text') {
    const el = pick(cands); el.style.fontSize = (7 + Math.floor(rnd() * 4)) + 'px'; el.style.lineHeight = 'normal';
    return doneText(el, el.style.fontSize);
  }
  if (category === 'broken-image') {
    let imgs = Array.from(document.images).filter(i => visible(i) && inView(i.getBoundingClientRect(), 2)
      && i.getBoundingClientRect().width >= 40 && i.getBoundingClientRect().height >= 30 && seen(i));
    let img;
    const alt = pick(['Product photo', 'Team picture', 'Hero banner', 'Company logo', '']);
    if (imgs.length && rnd() < 0.7) {
      img = pick(imgs); const r = img.getBoundingClientRect();
      img.style.width = r.width + 'px'; img.style.height = r.height + 'px';
      img.alt = alt;
    } else {
      const el = pick(cands.length ? cands : [document.body.firstElementChild]); if (!el) return {error: 'nothing to anchor'};
      img = document.createElement('img'); img.alt = alt;
      const w = 80 + Math.floor(rnd() * 160), h = 60 + Math.floor(rnd() * 100);
      Object.assign(img.style, {width: w + 'px', height: h + 'px', display: 'block'});
      el.parentElement.insertBefore(img, el);
    }
    img.removeAttribute('srcset'); img.src = 'missing-image-' + seed + '.png';
    await waitImg(img);
    const r = img.getBoundingClientRect(); if (!inView(r, 0)) return {error: 'image off screen'};
    // the browser draws its icon and the alt text in the top-left corner: with that corner under
    // a backdrop, a logo or a bar, nothing of the failure shows and it is no screenshot case
    if (!onTop(img, r.left + Math.min(8, r.width / 2), r.top + Math.min(8, r.height / 2))) return {error: 'image hidden'};
    return done(img, alt ? 'alt' : 'no-alt');
  }
  if (category === 'misalignment') {
    const groups = [];
    for (const p of document.body.querySelectorAll('*')) {
      const kids = Array.from(p.children).filter(k => visible(k) && k.innerText && k.innerText.trim()
        && inView(k.getBoundingClientRect(), 12) && getComputedStyle(k).position === 'static');
      if (kids.length < 3) continue;
      const rs = kids.map(k => k.getBoundingClientRect());
      let stacked = true; for (let i = 1; i < rs.length; i++) if (rs[i].top < rs[i - 1].bottom - 1) stacked = false;
      if (!stacked) continue;
      if (rs.some(r => Math.abs(r.left - rs[0].left) > 0.5)) continue;
      if (rs.some(r => r.height > 120)) continue;
      if (!kids.every(k => seen(k))) continue;
      groups.push(kids);
    }
    if (!groups.length) return {error: 'no aligned stack'};
    const kids = pick(groups); const el = kids[1 + Math.floor(rnd() * (kids.length - 1))];
    const dx = (4 + Math.floor(rnd() * 6)) * (rnd() < 0.8 ? 1 : -1);
    el.style.position = 'relative'; el.style.left = dx + 'px';
    return done(el, 'dx ' + dx);
  }
  if (category === 'blank-area') {
    const stuff = Array.from(document.body.querySelectorAll('*')).filter(e => visible(e) && (e.tagName === 'IMG' || ownText(e).length > 1))
      .map(e => ({el: e, r: e.tagName === 'IMG' ? e.getBoundingClientRect() : textRect(e)})).filter(q => q.r.width > 2 && seen(q.el, q.r));
    const pool = Array.from(document.body.querySelectorAll('*')).filter(el => {
      if (!visible(el)) return false; const r = el.getBoundingClientRect(); if (!inView(r, 8)) return false;
      const a = r.width * r.height; if (a < 0.045 * W * H || a > 0.35 * W * H) return false;
      if (r.width < 120 || r.height < 80) return false;
      const n = (el.innerText || '').trim().length + el.querySelectorAll('img,svg').length * 20;
      if (n < 10) return false;
      const p = el.parentElement.getBoundingClientRect();
      if (p.width * p.height <= a * 1.3) return false;
      // a hole inside the content: something visible within 160 px on at least three sides
      const near = stuff.filter(q => !el.contains(q.el));
      const D = 160;
      const side = [q => q.r.right <= r.left && q.r.right > r.left - D && q.r.bottom > r.top && q.r.top < r.bottom,
                    q => q.r.left >= r.right && q.r.left < r.right + D && q.r.bottom > r.top && q.r.top < r.bottom,
                    q => q.r.bottom <= r.top && q.r.bottom > r.top - D && q.r.right > r.left && q.r.left < r.right,
                    q => q.r.top >= r.bottom && q.r.top < r.bottom + D && q.r.right > r.left && q.r.left < r.right];
      return side.filter(f => near.some(f)).length >= 3;
    });
    if (!pool.length) return {error: 'no block to hide'};
    // a blank screen only on pages that also offer a hole, so it stays about 15% of the cases
    if (rnd() < 0.15) {
      // every element hidden (an inherited visibility:hidden is undone by any descendant that sets
      // visibility:visible, so hide them all), the page's own background left showing
      const bg = getComputedStyle(document.body).backgroundColor;
      const st = document.createElement('style'); st.textContent = '* { visibility: hidden !important; }';
      document.head.appendChild(st);
      document.documentElement.style.background = bg && !bg.endsWith(', 0)') && bg !== 'transparent' ? bg : '#fff';
      return {box: [0, 0, W, H], note: 'blank screen'}; }
    const el = pick(pool); el.style.visibility = 'hidden';
    return done(el, el.tagName);
  }
  if (category === 'small-target') {
    for (let tries = 0; tries < 40; tries++) {
      const el = pick(cands); const r = textRect(el); const S = 11 + Math.floor(rnd() * 8);
      const x = r.right + 12, y = r.top + r.height / 2 - S / 2;
      if (x + S + 30 > W) continue;
      const free = [[x - 8, y - 8], [x + S + 8, y - 8], [x - 8, y + S + 8], [x + S + 8, y + S + 8], [x + S / 2, y + S / 2], [x + S + 24, y + S / 2]]
        .every(([px, py]) => { const hit = document.elementFromPoint(px, py); return hit && hit.contains(el); });
      if (!free) continue;
      const b = document.createElement('button'); b.setAttribute('aria-label', 'Close'); b.textContent = pick(['\u00d7', '+', '\u203a', '?']);
      const bg = bgOf(el); const c = ratio([37, 99, 235], bg) > 3 ? [37, 99, 235] : [255, 255, 255];
      const filled = rnd() < 0.5;
      Object.assign(b.style, {position: 'absolute', left: (x + scrollX) + 'px', top: (y + scrollY) + 'px', width: S + 'px', height: S + 'px',
        padding: 0, margin: 0, border: `1px solid rgb(${c})`, borderRadius: '3px', background: filled ? `rgb(${c})` : 'transparent',
        color: filled ? (c[0] === 255 ? '#1f2937' : '#fff') : `rgb(${c})`, font: `${Math.max(8, S - 5)}px/1 sans-serif`, zIndex: 2147483000, cursor: 'pointer'});
      document.body.appendChild(b);
      return done(b, 'size ' + S);
    }
    return {error: 'no free spot'};
  }
  if (category === 'overflow') {
    const pool = Array.from(document.body.querySelectorAll('div,section,ul,p,table,img,form')).filter(el => visible(el) && inView(el.getBoundingClientRect(), 8) && el.getBoundingClientRect().width > 150);
    if (!pool.length) return {error: 'no block'};
    const el = pick(pool); el.style.minWidth = (W + 150 + Math.floor(rnd() * 300)) + 'px'; el.style.maxWidth = 'none';
    return done(el, 'wide');
  }
  if (category === 'accessibility') {
    const kind = pick(['img-alt', 'button-name', 'label']);
    const el = pick(cands.length ? cands : [document.body.firstElementChild]);
    let n;
    if (kind === 'img-alt') { n = document.createElement('img'); n.src = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#8ab"/></svg>'); n.width = 48; n.height = 48; }
    else if (kind === 'button-name') { n = document.createElement('button'); Object.assign(n.style, {width: '32px', height: '32px', background: '#8ab', border: '0'}); }
    else { n = document.createElement('input'); n.type = 'text'; Object.assign(n.style, {width: '160px', height: '28px'}); }
    n.style.display = 'block';
    el.parentElement.insertBefore(n, el);
    if (n.tagName === 'IMG') await waitImg(n);
    const r = n.getBoundingClientRect(); if (!inView(r, 0)) return {error: 'off screen'};
    return done(n, kind);
  }
  return {error: 'unknown category ' + category};
}

// dyad's analyst UI: one page whose view is chosen by the URL hash
// (#/view?param=value), so that every view can be linked to and bookmarked.
// It reads the JSON API under /api/ on the same origin. All DOM is built with
// createElement and text nodes: no text from the API is ever parsed as HTML.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

// Quad classes in the Okabe–Ito palette, which stays distinct under the
// common colour-vision deficiencies: cooperation in blues, conflict in
// oranges, verbal lighter than material.
const QUADS = {
  1: {name: 'Verbal cooperation', color: '#56B4E9'},
  2: {name: 'Material cooperation', color: '#0072B2'},
  3: {name: 'Verbal conflict', color: '#E69F00'},
  4: {name: 'Material conflict', color: '#D55E00'},
};

const ROOTS = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate',
  '04': 'Consult', '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation',
  '07': 'Provide aid', '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove',
  '12': 'Reject', '13': 'Threaten', '14': 'Protest', '15': 'Exhibit force posture',
  '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault', '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

// The event filters, in the order URLs list them. The API rejects parameters
// an endpoint does not take, so each request picks the ones that apply.
const FILTERS = ['from', 'to', 'actor', 'source', 'target', 'country', 'code', 'root', 'quad', 'q'];
// The filters the filter bar edits; the rest arrive by links and show as chips.
const BAR = ['from', 'to', 'actor', 'country', 'root', 'quad', 'q'];
const CHIPS = {source: 'Source', target: 'Target', code: 'CAMEO code'};
const QUOTE_FILTERS = ['speaker', 'country', 'q', 'from', 'to'];
const PAGE = 50;
const DAY = 86400000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const VIEWS = {
  timeline: {title: 'Timeline', filters: FILTERS, render: renderTimeline, chart: true},
  dyad: {title: 'Dyad', filters: ['from', 'to'], render: renderDyad, chart: true},
  network: {title: 'Network', filters: FILTERS, render: renderNetwork, chart: true},
  map: {title: 'Map', filters: FILTERS, render: renderMap, chart: true},
  events: {title: 'Events', filters: FILTERS, render: renderEvents},
  quotes: {title: 'Quotes', filters: ['from', 'to', 'country', 'q'], render: renderQuotes},
  search: {title: 'Search', filters: [], render: renderSearch},
  article: {title: 'Article', filters: [], render: renderArticle},
};

const $ = sel => document.querySelector(sel);

// ---- DOM building ----------------------------------------------------------

// build sets attributes (on* ones become listeners, false and null are left
// out) and appends children; strings become text nodes, never markup.
function build(el, attrs, kids) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}
const h = (tag, attrs, ...kids) => build(document.createElement(tag), attrs, kids);
const s = (tag, attrs, ...kids) => build(document.createElementNS(SVG_NS, tag), attrs, kids);
// put appends to an existing element, skipping null kids as h does
// (Element.append would write "null").
const put = (el, ...kids) => build(el, null, kids);

const fmtInt = n => Number(n).toLocaleString('en');
// fmtG writes a Goldstein score with its sign, which is its meaning.
const fmtG = g => (g > 0.05 ? '+' : g < -0.05 ? '−' : '') + Math.abs(g).toFixed(1);
const fmtTick = g => (g > 0 ? '+' : g < 0 ? '−' : '') + Math.abs(g);
const px = v => v.toFixed(1);

function empty(text) { return h('p', {class: 'empty', 'data-testid': 'empty'}, text); }

function viewHead(title, ...extra) {
  return h('div', {class: 'view-head'}, h('h2', {}, title), extra);
}

// safeURL admits only web links, so a stored "javascript:" URL cannot run.
function safeURL(u) { return typeof u === 'string' && /^https?:\/\//i.test(u); }

function externalLink(u, text) {
  return safeURL(u) ? h('a', {href: u, rel: 'noopener noreferrer', target: '_blank', class: 'external'}, text) : null;
}

// ---- routing ---------------------------------------------------------------

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const qi = raw.indexOf('?');
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const params = Object.fromEntries(new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1)));
  const slash = path.indexOf('/');
  let id = slash < 0 ? '' : path.slice(slash + 1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // A hand-typed ID with a stray "%" is taken as written.
  }
  return {view: (slash < 0 ? path : path.slice(0, slash)) || 'timeline', id, params};
}

// link is the hash of a view; the filters come first in a fixed order so that
// the same view always has the same URL.
function link(view, params, id) {
  const q = new URLSearchParams();
  const keys = [...FILTERS.filter(k => k in params), ...Object.keys(params).filter(k => !FILTERS.includes(k))];
  for (const k of keys) {
    const v = params[k];
    if (v !== undefined && v !== null && String(v).trim() !== '') q.set(k, String(v).trim());
  }
  const qs = q.toString();
  return '#/' + view + (id ? '/' + encodeURIComponent(id) : '') + (qs ? '?' + qs : '');
}

function go(view, params, id) {
  const target = link(view, params || {}, id);
  // An unchanged hash fires no hashchange, but "Apply" should still reload.
  if (target === location.hash) route();
  else location.hash = target;
}

function pick(params, names) {
  const out = {};
  for (const n of names) if (params[n]) out[n] = params[n];
  return out;
}

function without(params, name) {
  const out = {...params};
  delete out[name];
  return out;
}

// ---- API -------------------------------------------------------------------

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const qs = q.toString();
  const resp = await fetch('/api/' + path + (qs ? '?' + qs : ''), {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await resp.json();
  } catch {
    // Not JSON (a proxy's error page, say): the status says what happened.
  }
  if (!resp.ok) throw new Error(body && typeof body.error === 'string' ? body.error : `HTTP ${resp.status} for ${path}`);
  return body;
}

let shapesPromise = null;

// countryShapes loads the approximate country outlines once.
function countryShapes() {
  shapesPromise = shapesPromise || fetch('countries.json').then(resp => {
    if (!resp.ok) throw new Error(`countries.json: HTTP ${resp.status}`);
    return resp.json();
  }).catch(err => {
    shapesPromise = null; // let a later view retry
    throw err;
  });
  return shapesPromise;
}

function showError(message) {
  $('#error-message').textContent = message;
  $('#error').hidden = false;
}

function clearError() {
  $('#error').hidden = true;
  $('#error-message').textContent = '';
}

// ---- the frame: nav, filter bar, tooltip -------------------------------------

let generation = 0;
let shownPage = '';

async function route() {
  const r = parseHash();
  const view = VIEWS[r.view];
  const token = ++generation;
  // A view that took long must not draw over the one the user went to since.
  const live = () => token === generation;
  hideTip();
  clearError();
  updateNav(r);
  syncFilters(r, view);
  const root = $('#view');
  root.setAttribute('aria-busy', 'true');
  $('#status').textContent = 'Loading…';
  document.title = 'dyad · ' + (view ? view.title : 'not found');
  const out = h('div', {class: 'view view-' + r.view});
  try {
    if (!view) throw new Error(`There is no view "${r.view}".`);
    await view.render(out, r, live);
  } catch (err) {
    if (live()) showError(err.message);
  }
  if (!live()) return;
  root.replaceChildren(out);
  root.dataset.view = r.view;
  // A new page starts at the top; a new filter on the same page stays put.
  if (shownPage !== r.view + '/' + r.id) window.scrollTo(0, 0);
  shownPage = r.view + '/' + r.id;
  root.removeAttribute('aria-busy');
  $('#status').textContent = '';
  // Scripts and the browser tests wait for this: the current hash is drawn.
  document.documentElement.dataset.rendered = location.hash;
}

function updateNav(r) {
  const shared = pick(r.params, FILTERS);
  for (const a of document.querySelectorAll('nav.views a')) {
    const v = a.dataset.view;
    a.href = link(v, v === 'search' ? pick(r.params, ['q']) : shared);
    if (v === r.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

const filterForm = $('#filters');

function syncFilters(r, view) {
  const applies = new Set(view ? view.filters : []);
  filterForm.hidden = applies.size === 0;
  for (const name of BAR) {
    const el = filterForm.elements[name];
    el.value = r.params[name] || '';
    el.disabled = !applies.has(name);
    el.title = el.disabled ? 'This view does not use this filter' : '';
  }
  $('#chips').replaceChildren(...Object.keys(CHIPS).filter(k => r.params[k] && applies.has(k)).map(k =>
    h('span', {class: 'chip', 'data-testid': 'chip'}, `${CHIPS[k]}: ${r.params[k]}`,
      h('button', {type: 'button', 'aria-label': `Remove the filter ${CHIPS[k]} ${r.params[k]}`,
        onclick: () => go(r.view, without(r.params, k), r.id)}, '×'))));
}

function initFilters() {
  const root = filterForm.elements.root;
  for (const [code, name] of Object.entries(ROOTS)) root.append(h('option', {value: code}, `${code} ${name}`));
  const quad = filterForm.elements.quad;
  for (const [q, info] of Object.entries(QUADS)) quad.append(h('option', {value: q}, `${q} ${info.name}`));
  filterForm.addEventListener('submit', ev => {
    ev.preventDefault();
    const r = parseHash();
    // The view's own parameters (dyad actors, map metric, ...) are kept.
    const params = {...r.params};
    for (const name of BAR) {
      let v = filterForm.elements[name].value.trim();
      if (name === 'actor' || name === 'country') v = v.toUpperCase();
      if (v) params[name] = v;
      else delete params[name];
    }
    go(r.view, params, r.id);
  });
  $('#clear').addEventListener('click', () => {
    const r = parseHash();
    const params = {...r.params};
    for (const name of FILTERS) delete params[name];
    go(r.view, params, r.id);
  });
}

const tip = $('#tooltip');

function showTip(text, x, y) {
  tip.textContent = text;
  tip.hidden = false;
  const w = tip.offsetWidth, ht = tip.offsetHeight;
  tip.style.left = Math.max(4, Math.min(x + 14, innerWidth - w - 8)) + 'px';
  tip.style.top = (y + 16 + ht > innerHeight - 4 ? Math.max(4, y - ht - 10) : y + 16) + 'px';
}

function hideTip() { tip.hidden = true; }

// Elements with data-tip show it on hover and on keyboard focus.
function initTooltips() {
  document.addEventListener('pointermove', ev => {
    const t = ev.target instanceof Element ? ev.target.closest('[data-tip]') : null;
    if (t) showTip(t.dataset.tip, ev.clientX, ev.clientY);
    else hideTip();
  });
  document.addEventListener('focusin', ev => {
    const t = ev.target instanceof Element ? ev.target.closest('[data-tip]') : null;
    if (!t) return hideTip();
    const b = t.getBoundingClientRect();
    showTip(t.dataset.tip, b.left + b.width / 2, b.bottom);
  });
  document.addEventListener('keydown', ev => { if (ev.key === 'Escape') hideTip(); });
  document.addEventListener('scroll', hideTip, {passive: true});
}

async function loadStats() {
  const st = await api('stats');
  const span = st.first && st.last ? ` · ${st.first} – ${st.last}` : '';
  $('#stats').textContent = `${fmtInt(st.events)} events · ${fmtInt(st.quotes)} quotes · ${fmtInt(st.articles)} articles${span}`;
}

// loadSuggestions fills the actor and country choices of the inputs: actors
// from the network of the whole store, countries from the map's names.
async function loadSuggestions() {
  const [net, geo] = await Promise.all([api('network'), countryShapes()]);
  const nodes = [...net.nodes].sort((a, b) => b.events - a.events);
  $('#actor-codes').replaceChildren(...nodes.map(n => h('option', {value: n.code}, n.name || n.country || '')));
  const names = Object.entries(geo).sort((a, b) => a[1].name.localeCompare(b[1].name));
  $('#country-codes').replaceChildren(...names.map(([iso, c]) => h('option', {value: iso}, c.name)));
}

// chartWidth is the inner width of the view, which charts are drawn to fit.
function chartWidth() {
  const v = $('#view');
  const cs = getComputedStyle(v);
  return Math.max(560, Math.floor(v.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)));
}

// ---- time ------------------------------------------------------------------

// Days are counted from 1970-01-01 in UTC, so that no time zone moves a date.
function dayNum(str) {
  const [y, m, d] = str.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}
const dayStr = n => new Date(n * DAY).toISOString().slice(0, 10);
const weekday = n => ((n + 3) % 7 + 7) % 7; // 0 is Monday: day 0 was a Thursday

function bucketStart(day, by) {
  if (by === 'day') return day;
  if (by === 'week') return day - weekday(day);
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
}

function nextBucket(start, by) {
  if (by === 'day') return start + 1;
  if (by === 'week') return start + 7;
  const d = new Date(start * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
}

// autoBy picks a bucket that keeps bars wide enough to read.
function autoBy(first, last) {
  const span = last - first + 1;
  return span <= 120 ? 'day' : span <= 1100 ? 'week' : 'month';
}

// buckets are the consecutive periods from first to last (empty ones too,
// so that a quiet period shows as a gap).
function buckets(first, last, by) {
  const out = [];
  for (let b = bucketStart(first, by); b <= last; b = nextBucket(b, by)) out.push({start: b, end: nextBucket(b, by)});
  return out;
}

function bucketIndex(bs, day) {
  let lo = 0, hi = bs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs[mid].start <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function bucketLabel(b, by) {
  if (by === 'day') return dayStr(b.start);
  if (by === 'week') return `week of ${dayStr(b.start)}`;
  const d = new Date(b.start * DAY);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function shortDay(n) {
  const d = new Date(n * DAY);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

// timeTicks are the labelled days of an axis from first to last: days,
// Mondays, or month starts, whichever gives a readable number.
function timeTicks(first, last) {
  const span = last - first;
  const out = [];
  if (span <= 20) {
    for (let d = first; d <= last; d++) out.push({day: d, label: shortDay(d)});
    return out;
  }
  if (span <= 120) {
    for (let d = first + (7 - weekday(first)) % 7; d <= last; d += 7) out.push({day: d, label: shortDay(d)});
    return out;
  }
  const step = span <= 450 ? 1 : span <= 1400 ? 3 : span <= 3000 ? 6 : 12;
  const d0 = new Date(first * DAY);
  for (let y = d0.getUTCFullYear(), m = d0.getUTCMonth(); ; m++) {
    if (m === 12) { m = 0; y++; }
    const day = Date.UTC(y, m, 1) / DAY;
    if (day > last) break;
    if (day >= first && m % step === 0) out.push({day, label: m === 0 || !out.length ? `${MONTHS[m]} ${y}` : MONTHS[m]});
  }
  return out;
}

// timeScale maps buckets and days to x positions across [x0, x0 + width].
function timeScale(bs, x0, width) {
  const band = width / bs.length;
  return {
    band,
    at: i => x0 + i * band,
    mid: i => x0 + (i + 0.5) * band,
    day(d) {
      const i = bucketIndex(bs, d);
      return x0 + (i + (d - bs[i].start) / (bs[i].end - bs[i].start)) * band;
    },
  };
}

function drawTimeAxis(g, bs, x, y) {
  g.append(s('line', {class: 'axis', x1: x.at(0), x2: x.at(bs.length), y1: y, y2: y}));
  let lastX = -Infinity;
  for (const t of timeTicks(bs[0].start, bs[bs.length - 1].end - 1)) {
    const tx = x.day(t.day);
    if (tx - lastX < 56) continue; // keep labels apart
    lastX = tx;
    g.append(s('line', {class: 'tick', x1: px(tx), x2: px(tx), y1: y, y2: y + 5}),
      s('text', {class: 'tick-label', x: px(tx), y: y + 18, 'text-anchor': 'middle'}, t.label));
  }
}

// ---- scales and colours --------------------------------------------------------

// countTicks are round steps from 0 up to at least max.
function countTicks(max, count = 5) {
  const raw = Math.max(max, 1) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return {ticks, top};
}

function mix(a, b, t) {
  return 'rgb(' + a.map((v, i) => Math.round(v + (b[i] - v) * t)).join(',') + ')';
}

// Goldstein scores run from −10 (conflict, red) to +10 (cooperation, blue),
// a pair that colour-blind readers tell apart. The middle is a light fill on
// the map and a mid grey for lines, which must show on white.
const CONFLICT = [178, 34, 34];
const COOPERATION = [33, 102, 172];
const MID_FILL = [236, 232, 224];
const MID_LINE = [150, 150, 150];

function goldColor(g, mid) {
  const t = Math.max(-1, Math.min(1, g / 10));
  // The power spreads the common moderate scores away from the middle.
  return mix(mid, t < 0 ? CONFLICT : COOPERATION, Math.abs(t) ** 0.6);
}

// Event counts: light to dark along one hue path.
// The light end is tinted enough to differ from the grey of "no events".
const COUNT_STOPS = [[198, 228, 196], [92, 162, 156], [24, 62, 108]];

function countColor(t) {
  const u = Math.max(0, Math.min(1, t)) * 2;
  return u <= 1 ? mix(COUNT_STOPS[0], COUNT_STOPS[1], u) : mix(COUNT_STOPS[1], COUNT_STOPS[2], u - 1);
}

function gradientCSS(color) {
  const stops = [];
  for (let i = 0; i <= 10; i++) stops.push(color(i / 10));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

function goldLegend(mid, caption) {
  return h('div', {class: 'scale'},
    h('span', {class: 'scale-caption'}, caption),
    h('span', {class: 'scale-end'}, '−10 conflict'),
    h('span', {class: 'scale-bar', style: `background: ${gradientCSS(t => goldColor(-10 + 20 * t, mid))}`}),
    h('span', {class: 'scale-end'}, '+10 cooperation'));
}

function quadBadge(q) {
  const info = QUADS[q];
  if (!info) return h('span', {class: 'muted'}, '—');
  return h('span', {class: 'quad'}, h('span', {class: 'swatch', style: `background: ${info.color}`}), info.name);
}

function quadLegend(...extra) {
  return h('ul', {class: 'legend', id: 'quad-legend', 'data-testid': 'legend'},
    Object.values(QUADS).map(info => h('li', {}, h('span', {class: 'swatch', style: `background: ${info.color}`}), info.name)),
    extra);
}

// ---- highlighting ----------------------------------------------------------------

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// highlight renders text, whose first byte is byte base of the article, with
// the spans (byte offsets into the article, end exclusive) as <mark>s. The
// API's offsets count UTF-8 bytes, not the UTF-16 units of JavaScript
// strings, so the text is cut as bytes. Overlapping spans split into pieces,
// each marked with every role that covers it.
function highlight(text, base, spans) {
  const bytes = encoder.encode(text);
  const n = bytes.length;
  // A cut inside a character moves to its end, so no character breaks.
  const cut = i => {
    let j = Math.max(0, Math.min(n, i));
    while (j < n && (bytes[j] & 0xc0) === 0x80) j++;
    return j;
  };
  const marks = [];
  const cuts = new Set([0, n]);
  for (const sp of spans) {
    const a = cut(sp.start - base), b = cut(sp.end - base);
    if (a >= b) continue;
    marks.push({a, b, role: sp.role, title: sp.title});
    cuts.add(a);
    cuts.add(b);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = decoder.decode(bytes.subarray(a, b));
    const cover = marks.filter(m => m.a <= a && m.b >= b);
    if (!cover.length) {
      frag.append(piece);
      continue;
    }
    const roles = [...new Set(cover.map(m => m.role))];
    frag.append(h('mark', {class: roles.map(r => 'm-' + r).join(' '), 'data-role': roles.join(' '),
      title: [...new Set(cover.map(m => m.title).filter(Boolean))].join('\n') || null}, piece));
  }
  return frag;
}

// eventSpans are where an event's trigger, source and target are.
function eventSpans(e, prefix = '') {
  const out = [];
  const ev = e.evidence || {};
  const what = `${e.cameo} ${e.name}`;
  if (ev.trigger_span) out.push({...ev.trigger_span, role: 'trigger', title: `${prefix}trigger: ${what}`});
  if (e.source && e.source.mention) out.push({...e.source.mention, role: 'source', title: `${prefix}source: ${e.source.code}`});
  if (e.target && e.target.mention) out.push({...e.target.mention, role: 'target', title: `${prefix}target: ${e.target.code}`});
  return out;
}

function markKey(withQuote) {
  return h('p', {class: 'mark-key'}, 'Marked: ',
    h('span', {class: 'key m-source'}, 'source'), ' ',
    h('span', {class: 'key m-trigger'}, 'event trigger'), ' ',
    h('span', {class: 'key m-target'}, 'target'),
    withQuote ? [' ', h('span', {class: 'key m-quote'}, 'quotation')] : null);
}

// ---- events table ------------------------------------------------------------------

const actorCode = a => (a && a.code) || '';

function actorCell(a) {
  if (!a) return h('td', {class: 'c-actor muted'}, '—');
  return h('td', {class: 'c-actor'},
    a.code ? h('a', {class: 'code', href: link('events', {actor: a.code}), title: `Events of ${a.code}`}, a.code) : null,
    h('span', {class: 'actor-text'}, a.name || a.text));
}

function goldCell(g) {
  // Coloured only where fmtG shows a sign.
  return h('td', {class: 'num ' + (g > 0.05 ? 'coop' : g < -0.05 ? 'conflict' : '')}, fmtG(g));
}

function describeActor(a) {
  if (!a) return '—';
  return [a.code, a.name, a.text && a.text !== a.name ? `“${a.text}”` : ''].filter(Boolean).join(' · ');
}

function evidenceBlock(e) {
  const ev = e.evidence || {};
  const base = ev.sentence_span ? ev.sentence_span.start : 0;
  const facts = [
    ['Source', describeActor(e.source)],
    ['Target', describeActor(e.target)],
    ['Event', `${e.cameo} ${e.name}${e.negated ? ' (negated: the text says it did not happen)' : ''}`],
    ['PLOVER', [e.plover_type, e.plover_mode].filter(Boolean).join(' / ')],
    ['Claimed by', e.claimed_by ? describeActor(e.claimed_by) : ''],
    ['Published', [e.published, e.publisher].filter(Boolean).join(' · ')],
  ].filter(([, v]) => v);
  return h('div', {class: 'detail'},
    h('p', {class: 'evidence', 'data-testid': 'evidence'}, highlight(ev.sentence || '', base, eventSpans(e))),
    markKey(false),
    h('dl', {class: 'facts'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', {class: 'links'},
      h('a', {class: 'article-link', 'data-testid': 'article-link', href: link('article', {}, e.article_id)}, 'Open the article'),
      safeURL(e.url) ? [' · ', externalLink(e.url, 'original source')] : null));
}

function eventRows(e, key) {
  const detailID = 'detail-' + key;
  const btn = h('button', {type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': detailID,
    title: 'Show the evidence'}, h('span', {'aria-hidden': 'true', class: 'chev'}, '▸'), h('span', {class: 'sr-only'}, 'Evidence'));
  const row = h('tr', {class: 'event-row', 'data-testid': 'event-row', 'data-id': e.id,
    'data-source': actorCode(e.source), 'data-target': actorCode(e.target),
    'data-source-country': (e.source && e.source.country) || '', 'data-target-country': (e.target && e.target.country) || '',
    'data-quad': e.quad_class},
  h('td', {class: 'c-toggle'}, btn),
  h('td', {class: 'c-date'}, e.date || e.published || ''),
  actorCell(e.source),
  h('td', {class: 'c-event'}, h('span', {class: 'cameo'}, e.cameo), ' ', e.name,
    e.negated ? h('span', {class: 'badge'}, 'negated') : null),
  actorCell(e.target),
  goldCell(e.goldstein),
  h('td', {class: 'c-quad'}, quadBadge(e.quad_class)));
  const detail = h('tr', {class: 'event-detail', id: detailID, hidden: true}, h('td', {colspan: 7}, evidenceBlock(e)));
  const toggle = () => {
    const open = btn.getAttribute('aria-expanded') !== 'true';
    btn.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
    row.classList.toggle('open', open);
  };
  btn.addEventListener('click', toggle);
  // The whole row is a target for the mouse; the button serves the keyboard.
  row.addEventListener('click', ev => { if (!ev.target.closest('a, button')) toggle(); });
  return [row, detail];
}

function eventsTable(id) {
  const body = h('tbody');
  const head = ['Date', 'Source', 'Event (CAMEO)', 'Target', 'Goldstein', 'Quad class'];
  const table = h('table', {id, class: 'events'},
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, h('span', {class: 'sr-only'}, 'Evidence')),
      head.map(t => h('th', {scope: 'col', class: t === 'Goldstein' ? 'num' : null}, t)))),
    body);
  let n = 0;
  return {
    el: h('div', {class: 'table-wrap'}, table),
    add(events) {
      for (const e of events) body.append(...eventRows(e, `${id}-${n++}`));
    },
    size: () => n,
  };
}

// numHead is a table head whose number columns align right, as their cells.
function numHead(titles) {
  const numeric = new Set(['Events', 'Mean Goldstein', 'Goldstein']);
  return h('thead', {}, h('tr', {}, titles.map(t => h('th', {scope: 'col', class: numeric.has(t) ? 'num' : null}, t))));
}

// pager adds a "more" button that fetches the next page with the cursor.
function pager(id, label, next, fetchPage, live, onPage) {
  const btn = h('button', {type: 'button', id, class: 'more', hidden: !next}, label);
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      const page = await fetchPage(next);
      if (!live()) return;
      next = page.next;
      onPage(page, !next);
      btn.hidden = !next;
    } catch (err) {
      showError(err.message);
    } finally {
      btn.disabled = false;
    }
  });
  return btn;
}

// ---- views -------------------------------------------------------------------------

async function renderTimeline(out, r, live) {
  const p = r.params;
  const choice = ['day', 'week', 'month'].includes(p.by) ? p.by : '';
  const by = h('select', {id: 'timeline-by'}, [['', 'auto'], ['day', 'day'], ['week', 'week'], ['month', 'month']]
    .map(([v, t]) => h('option', {value: v}, t)));
  by.value = choice;
  by.addEventListener('change', () => go('timeline', {...p, by: by.value}));
  const summary = h('p', {class: 'summary', id: 'timeline-summary'});
  put(out, viewHead('Timeline', h('label', {class: 'inline'}, 'Bars per ', by)), summary);

  const data = await api('timeline', pick(p, FILTERS));
  if (!live()) return;
  const days = data.days.filter(d => DATE_RE.test(d.date) && QUADS[d.quad_class]);
  if (!days.length) {
    put(out, empty('No events match these filters.'));
    return;
  }
  const first = dayNum(days[0].date), last = dayNum(days[days.length - 1].date);
  const unit = choice || autoBy(first, last);
  const bs = buckets(first, last, unit).map(b => ({...b, q: [0, 0, 0, 0, 0], total: 0, gsum: 0}));
  let total = 0, gsum = 0;
  for (const d of days) {
    const b = bs[bucketIndex(bs, dayNum(d.date))];
    b.q[d.quad_class] += d.count;
    b.total += d.count;
    b.gsum += d.goldstein * d.count;
    total += d.count;
    gsum += d.goldstein * d.count;
  }
  summary.textContent = `${fmtInt(total)} events from ${dayStr(first)} to ${dayStr(last)}, per ${unit}; ` +
    `mean Goldstein score ${fmtG(gsum / total)}. Click a bar to list its events.`;
  put(out, timelineChart(bs, unit, p),
    quadLegend(h('li', {}, h('span', {class: 'swatch line'}), 'Mean Goldstein score (right axis)')));
}

function timelineChart(bs, unit, params) {
  const W = chartWidth(), H = 360;
  const m = {l: 56, r: 64, t: 16, b: 42};
  const ph = H - m.t - m.b;
  const x = timeScale(bs, m.l, W - m.l - m.r);
  const {ticks, top} = countTicks(Math.max(...bs.map(b => b.total)));
  const y = v => m.t + ph - (v / top) * ph;
  const gy = g => m.t + ph / 2 - (g / 10) * (ph / 2);
  const svg = s('svg', {id: 'timeline-chart', class: 'chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `Events per ${unit}, stacked by quad class, with the mean Goldstein score as a line`});
  const grid = s('g', {class: 'grid'});
  for (const v of ticks) {
    grid.append(s('line', {x1: m.l, x2: W - m.r, y1: px(y(v)), y2: px(y(v))}),
      s('text', {class: 'tick-label', x: m.l - 8, y: px(y(v) + 4), 'text-anchor': 'end'}, fmtInt(v)));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    grid.append(s('text', {class: 'tick-label gold', x: W - m.r + 8, y: px(gy(g) + 4)}, fmtTick(g)));
  }
  grid.append(s('text', {class: 'axis-title', transform: `translate(14 ${m.t + ph / 2}) rotate(-90)`, 'text-anchor': 'middle'}, 'events'),
    s('text', {class: 'axis-title', transform: `translate(${W - 10} ${m.t + ph / 2}) rotate(90)`, 'text-anchor': 'middle'}, 'mean Goldstein'));
  svg.append(grid);

  const bars = s('g', {class: 'bars'});
  const hits = s('g', {class: 'hits'});
  const gap = x.band >= 4 ? Math.min(x.band * 0.2, 6) : 0;
  const bw = Math.min(Math.max(x.band - gap, 0.6), 48);
  const filters = pick(params, FILTERS);
  bs.forEach((b, i) => {
    let acc = 0;
    const bx = x.mid(i) - bw / 2;
    for (let q = 1; q <= 4; q++) {
      const c = b.q[q];
      if (!c) continue;
      bars.append(s('rect', {class: 'bar', 'data-testid': 'bar', 'data-quad': q, 'data-count': c,
        x: px(bx), width: px(bw), y: px(y(acc + c)), height: px(y(acc) - y(acc + c)), fill: QUADS[q].color}));
      acc += c;
    }
    if (!b.total) return;
    const lines = [bucketLabel(b, unit)];
    for (let q = 1; q <= 4; q++) if (b.q[q]) lines.push(`${QUADS[q].name}: ${fmtInt(b.q[q])}`);
    lines.push(`Total: ${fmtInt(b.total)} · mean Goldstein ${fmtG(b.gsum / b.total)}`);
    hits.append(s('rect', {class: 'hit', x: px(x.at(i)), width: px(x.band), y: m.t, height: ph, 'data-tip': lines.join('\n'),
      onclick: () => go('events', {...filters, from: dayStr(b.start), to: dayStr(b.end - 1)})}));
  });
  svg.append(bars, s('line', {class: 'zero', x1: m.l, x2: W - m.r, y1: px(gy(0)), y2: px(gy(0))}));

  // The mean Goldstein line breaks where a period has no events.
  let d = '';
  let pen = false;
  const dots = s('g', {class: 'gold-dots'});
  bs.forEach((b, i) => {
    if (!b.total) {
      pen = false;
      return;
    }
    const gx = x.mid(i), gv = gy(b.gsum / b.total);
    d += (pen ? 'L' : 'M') + px(gx) + ',' + px(gv);
    pen = true;
    if (x.band >= 8) dots.append(s('circle', {cx: px(gx), cy: px(gv), r: 2.5}));
  });
  svg.append(s('path', {class: 'gold-halo', d}), s('path', {id: 'goldstein-line', class: 'gold-line', d}), dots);
  const axis = s('g', {class: 'x-axis'});
  drawTimeAxis(axis, bs, x, m.t + ph);
  svg.append(axis, hits);
  return h('figure', {class: 'chart-box'}, svg);
}

const A_COLOR = '#0072B2';
const B_COLOR = '#CC79A7';

async function renderDyad(out, r, live) {
  const p = r.params;
  let a = (p.a || '').trim().toUpperCase();
  let b = (p.b || '').trim().toUpperCase();
  put(out, viewHead('Dyad'));
  if (!a || !b) {
    // Without a pair, show the busiest one (involving the actor given).
    const net = await api('network', pick(p, ['from', 'to']));
    if (!live()) return;
    const given = a || b;
    const e = net.edges.find(e => !given || e.source === given || e.target === given);
    if (e && given) [a, b] = [given, e.source === given ? e.target : e.source];
    else if (e) [a, b] = [e.source, e.target];
  }
  const inA = h('input', {id: 'dyad-a', name: 'a', list: 'actor-codes', value: a, required: true, spellcheck: 'false', size: 14});
  const inB = h('input', {id: 'dyad-b', name: 'b', list: 'actor-codes', value: b, required: true, spellcheck: 'false', size: 14});
  const show = (x, y) => go('dyad', {...pick(p, FILTERS), by: p.by, a: x.trim().toUpperCase(), b: y.trim().toUpperCase()});
  put(out, h('form', {class: 'inline-form', id: 'dyad-form', onsubmit: ev => { ev.preventDefault(); show(inA.value, inB.value); }},
    h('label', {for: 'dyad-a'}, 'Actor A'), inA,
    h('button', {type: 'button', id: 'dyad-swap', title: 'Swap A and B', onclick: () => show(inB.value, inA.value)}, '⇄ swap'),
    h('label', {for: 'dyad-b'}, 'Actor B'), inB,
    h('button', {type: 'submit', class: 'primary', id: 'dyad-go'}, 'Compare')));
  if (!a || !b) {
    put(out, empty('No pair of actors has events in this period; pick two actors.'));
    return;
  }
  const d = await api('dyad', {a, b, from: p.from, to: p.to, limit: 100});
  if (!live()) return;
  const series = d.series.filter(x => DATE_RE.test(x.date));
  if (!series.length) {
    put(out, empty(`No events between ${a} and ${b} in this period.`));
    return;
  }
  let ab = 0, ba = 0, gsum = 0;
  for (const x of series) {
    ab += x.a_to_b;
    ba += x.b_to_a;
    gsum += x.goldstein * (x.a_to_b + x.b_to_a);
  }
  const period = pick(p, ['from', 'to']);
  put(out, 
    h('p', {class: 'summary', id: 'dyad-summary'}, `${a} → ${b}: ${fmtInt(ab)} events · ${b} → ${a}: ${fmtInt(ba)} events · ` +
      `mean Goldstein score ${fmtG(gsum / (ab + ba))}. `,
    h('a', {href: link('events', {...period, source: a, target: b})}, `All ${a} → ${b} events`), ' · ',
    h('a', {href: link('events', {...period, source: b, target: a})}, `all ${b} → ${a} events`)),
    dyadChart(series, a, b, p.by),
    h('ul', {class: 'legend'},
      h('li', {}, h('span', {class: 'swatch line', style: `border-color: ${A_COLOR}`}), `${a} → ${b} events`),
      h('li', {}, h('span', {class: 'swatch line dashed', style: `border-color: ${B_COLOR}`}), `${b} → ${a} events`),
      h('li', {}, h('span', {class: 'swatch', style: `background: ${gradientCSS(t => goldColor(-10 + 20 * t, MID_LINE))}`}),
        'Mean Goldstein score, both ways (lower panel)')),
    h('h3', {}, `Latest events (${fmtInt(d.events.length)})`));
  const t = eventsTable('dyad-events');
  t.add(d.events);
  put(out, t.el);
}

function dyadChart(series, a, b, byParam) {
  const first = dayNum(series[0].date), last = dayNum(series[series.length - 1].date);
  const unit = ['day', 'week', 'month'].includes(byParam) ? byParam : autoBy(first, last);
  const bs = buckets(first, last, unit).map(x => ({...x, ab: 0, ba: 0, gsum: 0}));
  for (const x of series) {
    const bk = bs[bucketIndex(bs, dayNum(x.date))];
    bk.ab += x.a_to_b;
    bk.ba += x.b_to_a;
    bk.gsum += x.goldstein * (x.a_to_b + x.b_to_a);
  }
  const W = chartWidth(), H = 400;
  const m = {l: 56, r: 24, t: 16, b: 40};
  const topH = 200, gapH = 30, lowH = H - m.t - m.b - topH - gapH;
  const x = timeScale(bs, m.l, W - m.l - m.r);
  const {ticks, top} = countTicks(Math.max(...bs.map(k => Math.max(k.ab, k.ba))), 4);
  const cy = v => m.t + topH - (v / top) * topH;
  const low0 = m.t + topH + gapH;
  const gy = g => low0 + lowH / 2 - (g / 10) * (lowH / 2);
  const svg = s('svg', {id: 'dyad-chart', class: 'chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `Events per ${unit} from ${a} to ${b} and back, and their mean Goldstein score`});
  const grid = s('g', {class: 'grid'});
  for (const v of ticks) {
    grid.append(s('line', {x1: m.l, x2: W - m.r, y1: px(cy(v)), y2: px(cy(v))}),
      s('text', {class: 'tick-label', x: m.l - 8, y: px(cy(v) + 4), 'text-anchor': 'end'}, fmtInt(v)));
  }
  for (const g of [-10, 0, 10]) {
    grid.append(s('line', {class: g ? '' : 'zero', x1: m.l, x2: W - m.r, y1: px(gy(g)), y2: px(gy(g))}),
      s('text', {class: 'tick-label', x: m.l - 8, y: px(gy(g) + 4), 'text-anchor': 'end'}, fmtTick(g)));
  }
  grid.append(s('text', {class: 'axis-title', transform: `translate(14 ${m.t + topH / 2}) rotate(-90)`, 'text-anchor': 'middle'}, 'events'),
    s('text', {class: 'axis-title', transform: `translate(14 ${low0 + lowH / 2}) rotate(-90)`, 'text-anchor': 'middle'}, 'Goldstein'));
  svg.append(grid);

  const line = (key, color, id, dash) => {
    const d = bs.map((k, i) => (i ? 'L' : 'M') + px(x.mid(i)) + ',' + px(cy(k[key]))).join('');
    const g = s('g', {class: 'series'}, s('path', {id, class: 'series-line', d, stroke: color, 'stroke-dasharray': dash}));
    const [from, to] = key === 'ab' ? [a, b] : [b, a];
    bs.forEach((k, i) => {
      if (!k[key]) return;
      g.append(s('circle', {class: 'pt pt-' + key, 'data-count': k[key], cx: px(x.mid(i)), cy: px(cy(k[key])), r: 3.5, fill: color,
        'data-tip': `${bucketLabel(k, unit)}\n${from} → ${to}: ${fmtInt(k[key])} events`}));
    });
    return g;
  };
  svg.append(line('ab', A_COLOR, 'dyad-ab', null), line('ba', B_COLOR, 'dyad-ba', '6 4'));

  const gold = s('g', {id: 'dyad-goldstein'});
  const gw = Math.min(Math.max(x.band * 0.8, 1), 40);
  bs.forEach((k, i) => {
    const n = k.ab + k.ba;
    if (!n) return;
    const g = k.gsum / n;
    const y0 = gy(0), y1 = gy(g);
    gold.append(s('rect', {class: 'gold-bar', x: px(x.mid(i) - gw / 2), width: px(gw), y: px(Math.min(y0, y1)),
      height: px(Math.max(Math.abs(y1 - y0), 1)), fill: goldColor(g, MID_LINE),
      'data-tip': `${bucketLabel(k, unit)}\nmean Goldstein ${fmtG(g)} over ${fmtInt(n)} events`}));
  });
  svg.append(gold);
  const axis = s('g', {class: 'x-axis'});
  drawTimeAxis(axis, bs, x, low0 + lowH);
  svg.append(axis);
  return h('figure', {class: 'chart-box'}, svg);
}

// seeded is a small linear congruential generator: the layout must come out
// the same on every load, which Math.random cannot promise.
function seeded(seed) {
  let st = seed >>> 0;
  return () => {
    st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
    return st / 4294967296;
  };
}

// forceLayout places nodes by a Fruchterman–Reingold simulation in the unit
// square: every pair repels, linked pairs attract (more with more events), a
// weak pull keeps components together. The busiest start in the middle of a
// spiral; the work is bounded, about 4e7 pair steps at most.
function forceLayout(nodes, edges) {
  const n = nodes.length;
  const rand = seeded(7);
  const index = new Map(nodes.map((nd, i) => [nd.code, i]));
  const x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
  const order = nodes.map((_, i) => i).sort((i, j) => nodes[j].events - nodes[i].events || (nodes[i].code < nodes[j].code ? -1 : 1));
  order.forEach((i, k) => {
    const rad = 0.8 * Math.sqrt((k + 0.5) / n);
    const th = k * 2.399963 + rand() * 0.2; // the golden angle spreads the spiral evenly
    x[i] = rad * Math.cos(th);
    y[i] = rad * Math.sin(th);
  });
  const pairs = new Map();
  for (const e of edges) {
    const i = index.get(e.source), j = index.get(e.target);
    if (i === undefined || j === undefined) continue;
    const key = i < j ? `${i} ${j}` : `${j} ${i}`;
    const l = pairs.get(key) || {i, j, events: 0};
    l.events += e.events;
    pairs.set(key, l);
  }
  const links = [...pairs.values()];
  const maxLink = Math.max(1, ...links.map(l => l.events));
  for (const l of links) l.w = 0.4 + Math.log1p(l.events) / Math.log1p(maxLink);
  const k = 1.2 * Math.sqrt(4 / Math.max(n, 1));
  const steps = Math.max(50, Math.min(300, Math.floor(4e7 / (n * n + 1))));
  for (let step = 0; step < steps; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = x[i] - x[j], ey = y[i] - y[j];
        let d2 = ex * ex + ey * ey;
        if (d2 < 1e-9) { // coincident: push apart in a seeded direction
          ex = (rand() - 0.5) * 1e-3;
          ey = (rand() - 0.5) * 1e-3;
          d2 = ex * ex + ey * ey;
        }
        const f = (k * k) / d2;
        dx[i] += ex * f; dy[i] += ey * f;
        dx[j] -= ex * f; dy[j] -= ey * f;
      }
    }
    for (const l of links) {
      const ex = x[l.i] - x[l.j], ey = y[l.i] - y[l.j];
      const f = (Math.sqrt(ex * ex + ey * ey) / k) * l.w;
      dx[l.i] -= ex * f; dy[l.i] -= ey * f;
      dx[l.j] += ex * f; dy[l.j] += ey * f;
    }
    const temp = 0.08 * (1 - step / steps) + 0.002;
    for (let i = 0; i < n; i++) {
      dx[i] -= x[i] * 2 * k;
      dy[i] -= y[i] * 2 * k;
      const len = Math.hypot(dx[i], dy[i]);
      if (len > 0) {
        const move = Math.min(len, temp) / len;
        x[i] += dx[i] * move;
        y[i] += dy[i] * move;
      }
    }
  }
  return {x, y};
}

async function renderNetwork(out, r, live) {
  const p = r.params;
  const min = h('input', {id: 'net-min', name: 'min', type: 'number', min: 1, step: 1, value: p.min || 1, size: 5});
  put(out, viewHead('Network', h('form', {class: 'inline-form', onsubmit: ev => {
    ev.preventDefault();
    go('network', {...p, min: min.value === '1' ? '' : min.value});
  }}, h('label', {for: 'net-min'}, 'Fewest events per pair'), min, h('button', {type: 'submit'}, 'Show'))));
  const net = await api('network', {...pick(p, FILTERS), min: p.min});
  if (!live()) return;
  if (!net.nodes.length) {
    put(out, empty('No pairs of actors match these filters.'));
    return;
  }
  const W = chartWidth(), H = Math.round(Math.min(720, Math.max(480, W * 0.6)));
  const pos = forceLayout(net.nodes, net.edges);
  const maxNode = Math.max(...net.nodes.map(n => n.events));
  const radius = n => 5 + 19 * Math.sqrt(n.events / maxNode);
  // Fit the layout into the box, leaving room for the widest node and labels.
  const pad = 34;
  const xs = [...pos.x], ys = [...pos.y];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = v => pad + 40 + ((v - x0) / (x1 - x0 || 1)) * (W - 2 * pad - 80);
  const sy = v => pad + ((v - y0) / (y1 - y0 || 1)) * (H - 2 * pad);
  const index = new Map(net.nodes.map((n, i) => [n.code, i]));
  const at = code => {
    const i = index.get(code);
    return {x: sx(pos.x[i]), y: sy(pos.y[i]), r: radius(net.nodes[i])};
  };

  const svg = s('svg', {id: 'network', class: 'chart network', width: W, height: H, viewBox: `0 0 ${W} ${H}`,
    'aria-label': `Network of ${net.nodes.length} actors and ${net.edges.length} directed pairs`});
  // One arrowhead per colour step, since a marker cannot take its line's colour.
  const STEPS = 8;
  const bin = g => Math.round(((Math.max(-10, Math.min(10, g)) + 10) / 20) * STEPS);
  const binColor = b => goldColor(-10 + (20 * b) / STEPS, MID_LINE);
  const defs = s('defs');
  for (let b = 0; b <= STEPS; b++) {
    defs.append(s('marker', {id: 'arrow-' + b, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: 'userSpaceOnUse', orient: 'auto'}, s('path', {d: 'M0,0L10,5L0,10z', fill: binColor(b)})));
  }
  svg.append(defs);

  const maxEdge = Math.max(...net.edges.map(e => e.events));
  const edgeG = s('g', {class: 'edges'});
  const dyadLink = (a, b) => link('dyad', {...pick(p, ['from', 'to']), a, b});
  for (const e of net.edges) {
    const P = at(e.source), Q = at(e.target);
    const len = Math.hypot(Q.x - P.x, Q.y - P.y) || 1;
    // Curving each edge to its right keeps A→B and B→A apart.
    const cx = (P.x + Q.x) / 2 + ((Q.y - P.y) / len) * len * 0.12;
    const cy = (P.y + Q.y) / 2 - ((Q.x - P.x) / len) * len * 0.12;
    const toward = (from, r) => {
      const l = Math.hypot(cx - from.x, cy - from.y) || 1;
      return [from.x + ((cx - from.x) / l) * r, from.y + ((cy - from.y) / l) * r];
    };
    const [ax, ay] = toward(P, P.r);
    const [bx, by] = toward(Q, Q.r + 1);
    const b = bin(e.goldstein);
    edgeG.append(s('path', {class: 'edge', 'data-testid': 'edge', d: `M${px(ax)},${px(ay)}Q${px(cx)},${px(cy)} ${px(bx)},${px(by)}`,
      stroke: binColor(b), 'stroke-width': px(1 + 5 * Math.sqrt(e.events / maxEdge)), 'marker-end': `url(#arrow-${b})`,
      'data-tip': `${e.source} → ${e.target}\n${fmtInt(e.events)} events · mean Goldstein ${fmtG(e.goldstein)}\nclick to compare the two`,
      onclick: () => { location.hash = dyadLink(e.source, e.target); }}));
  }
  svg.append(edgeG);

  const nodeG = s('g', {class: 'nodes'});
  const labelled = new Set([...net.nodes].sort((a, b) => b.events - a.events).slice(0, 40).map(n => n.code));
  const filters = pick(p, FILTERS);
  for (const n of net.nodes) {
    const c = at(n.code);
    const desc = [n.code, n.name, n.country && n.country !== n.code ? `country ${n.country}` : ''].filter(Boolean).join(' · ');
    nodeG.append(s('a', {class: 'node', href: link('events', {...filters, actor: n.code}), 'data-code': n.code, 'data-events': n.events,
      'data-tip': `${desc}\n${fmtInt(n.events)} events in these pairs\nclick to list its events`,
      'aria-label': `${desc}: ${n.events} events. List its events.`},
    s('circle', {'data-testid': 'node', cx: px(c.x), cy: px(c.y), r: px(c.r)}),
    labelled.has(n.code) ? s('text', {class: 'node-label', x: px(c.x + c.r + 3), y: px(c.y + 4)}, n.code) : null));
  }
  svg.append(nodeG);

  const top = net.edges.slice(0, 10);
  put(out, h('p', {class: 'summary'}, `${fmtInt(net.nodes.length)} actors, ${fmtInt(net.edges.length)} directed pairs` +
    (net.edges.length >= 300 ? ' (the 300 busiest)' : '') + '. Node size: events; arrows point from source to target. ' +
    'Click an actor to list its events, a line to compare the pair.'),
  h('figure', {class: 'chart-box'}, svg),
  goldLegend(MID_LINE, 'Line colour: mean Goldstein score'),
  h('h3', {}, 'Busiest pairs'),
  h('div', {class: 'table-wrap'}, h('table', {class: 'plain', id: 'pairs'},
    numHead(['Source', 'Target', 'Events', 'Mean Goldstein', '']),
    h('tbody', {}, top.map(e => h('tr', {},
      h('td', {}, e.source), h('td', {}, e.target), h('td', {class: 'num'}, fmtInt(e.events)), goldCell(e.goldstein),
      h('td', {}, h('a', {href: dyadLink(e.source, e.target)}, 'compare'))))))));
}

// The map is equirectangular, cropped to the inhabited latitudes.
const LAT_TOP = 84, LAT_BOTTOM = -58;

async function renderMap(out, r, live) {
  const p = r.params;
  const metric = p.metric === 'goldstein' ? 'goldstein' : 'events';
  const radio = (value, label) => h('label', {class: 'inline'},
    h('input', {type: 'radio', name: 'metric', id: 'metric-' + value, value, checked: metric === value,
      onchange: () => go('map', {...p, metric: value === 'events' ? '' : value})}), label);
  put(out, viewHead('Map', h('fieldset', {class: 'metric'}, h('legend', {}, 'Colour by'),
    radio('events', 'number of events'), radio('goldstein', 'mean Goldstein score'))));
  const [geo, data] = await Promise.all([countryShapes(), api('countries', pick(p, FILTERS))]);
  if (!live()) return;
  const byISO = new Map(data.countries.map(c => [c.country, c]));
  // The count scale spans the counts there are, so that close counts still
  // differ; it is logarithmic because a few countries have most events.
  const counts = data.countries.map(c => c.events);
  const minEv = Math.min(...counts), maxEv = Math.max(...counts);
  const countT = v => maxEv > minEv ? Math.log(v / minEv) / Math.log(maxEv / minEv) : 1;
  const fill = c => metric === 'events' ? countColor(countT(c.events)) : goldColor(c.goldstein, MID_FILL);

  const W = chartWidth();
  const k = W / 360;
  const H = Math.round((LAT_TOP - LAT_BOTTOM) * k);
  const X = lon => (lon + 180) * k, Y = lat => (LAT_TOP - lat) * k;
  const svg = s('svg', {id: 'map', class: 'chart map', width: W, height: H, viewBox: `0 0 ${W} ${H}`,
    'aria-label': `Map of events by country, coloured by ${metric === 'events' ? 'number of events' : 'mean Goldstein score'}`});
  svg.append(s('defs', {}, s('pattern', {id: 'nodata', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)'},
    s('rect', {width: 6, height: 6, fill: '#f1f1ef'}), s('line', {x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#d6d6d2', 'stroke-width': 2}))),
  s('rect', {class: 'sea', width: W, height: H}));
  const grat = s('g', {class: 'graticule'});
  for (let lon = -150; lon <= 150; lon += 30) grat.append(s('line', {x1: px(X(lon)), x2: px(X(lon)), y1: 0, y2: H}));
  for (let lat = -30; lat <= 60; lat += 30) grat.append(s('line', {x1: 0, x2: W, y1: px(Y(lat)), y2: px(Y(lat))}));
  svg.append(grat);

  // Shapes are hulls and overlap their neighbours: countries with events are
  // drawn last, the busiest on top, so that none hides under an empty one.
  const entries = Object.entries(geo).sort(([a], [b]) => ((byISO.get(a) || {events: 0}).events - (byISO.get(b) || {events: 0}).events));
  const land = s('g', {class: 'land'});
  const filters = pick(p, FILTERS);
  for (const [iso, c] of entries) {
    const d = c.polys.map(poly => 'M' + poly.map(([lon, lat]) => px(X(lon)) + ',' + px(Y(lat))).join('L') + 'Z').join('');
    const rec = byISO.get(iso);
    if (!rec) {
      land.append(s('path', {class: 'country', d, fill: 'url(#nodata)', 'data-iso': iso, 'data-events': 0, 'data-tip': `${c.name}: no events`}));
      continue;
    }
    const tipText = `${c.name} (${iso})\n${fmtInt(rec.events)} events · mean Goldstein ${fmtG(rec.goldstein)}\nclick to list them`;
    land.append(s('a', {href: link('events', {...filters, country: iso}), class: 'country-link', 'data-tip': tipText,
      'aria-label': `${c.name}: ${rec.events} events, mean Goldstein ${fmtG(rec.goldstein)}. List them.`},
    s('path', {class: 'country has-data', 'data-testid': 'country', d, fill: fill(rec), 'data-iso': iso, 'data-events': rec.events})));
  }
  svg.append(land);

  const legend = metric === 'events'
    ? h('div', {class: 'scale'}, h('span', {class: 'scale-caption'}, 'Events (log scale)'), h('span', {class: 'scale-end'}, fmtInt(minEv)),
      h('span', {class: 'scale-bar', style: `background: ${gradientCSS(countColor)}`}), h('span', {class: 'scale-end'}, fmtInt(maxEv)))
    : goldLegend(MID_FILL, 'Mean Goldstein score');
  const missing = data.countries.filter(c => !geo[c.country]).map(c => c.country);
  put(out, 
    h('p', {class: 'summary'}, `${fmtInt(data.countries.length)} countries take part in the events that match. ` +
      'Hover a country for its numbers; click it to list its events.'),
    h('figure', {class: 'chart-box'}, svg,
      h('figcaption', {class: 'map-legend', id: 'map-legend'}, legend,
        h('span', {class: 'nodata-key'}, h('span', {class: 'swatch hatched'}), 'no events'),
        h('span', {class: 'note', id: 'map-note'}, 'Shapes are approximate: they are drawn around city locations (GeoNames), not from borders.'))),
    missing.length ? h('p', {class: 'muted'}, `Without a shape on the map: ${missing.join(', ')}.`) : null,
    h('h3', {}, 'Countries'),
    h('div', {class: 'table-wrap scroll'}, h('table', {class: 'plain', id: 'country-table'},
      numHead(['Country', 'Code', 'Events', 'Mean Goldstein']),
      h('tbody', {}, data.countries.map(c => h('tr', {},
        h('td', {}, h('a', {href: link('events', {...filters, country: c.country})}, geo[c.country] ? geo[c.country].name : c.country)),
        h('td', {}, c.country), h('td', {class: 'num'}, fmtInt(c.events)), goldCell(c.goldstein)))))));
}

async function renderEvents(out, r, live) {
  const f = pick(r.params, FILTERS);
  const count = h('p', {class: 'summary', id: 'events-count'});
  put(out, viewHead('Events'), count);
  const page = await api('events', {...f, limit: PAGE});
  if (!live()) return;
  if (!page.events.length) {
    put(out, empty('No events match these filters.'));
    return;
  }
  const t = eventsTable('events-table');
  t.add(page.events);
  const counted = all => {
    count.textContent = `${fmtInt(t.size())} events shown, newest first${all ? '' : '; more below'}. Click a row for its evidence.`;
  };
  counted(!page.next);
  put(out, t.el, pager('more', 'More events', page.next, cursor => api('events', {...f, limit: PAGE, cursor}), live, (pg, all) => {
    t.add(pg.events);
    counted(all);
  }));
}

function quoteItem(q) {
  const sp = q.speaker;
  return h('li', {class: 'quote', 'data-testid': 'quote', 'data-speaker': actorCode(sp)},
    h('blockquote', {}, h('p', {class: 'qtext'}, q.text)),
    h('p', {class: 'meta'}, '— ',
      sp ? [sp.code ? h('a', {class: 'code', href: link('quotes', {speaker: sp.code})}, sp.code) : null, ' ', sp.name || sp.text]
        : h('span', {class: 'muted'}, 'unattributed'),
      q.cue ? ` (${q.cue})` : '', q.date ? ` · ${q.date}` : '', ' · ',
      h('a', {class: 'article-link', href: link('article', {}, q.article_id)}, 'article')));
}

async function renderQuotes(out, r, live) {
  const p = r.params;
  const speaker = h('input', {id: 'speaker', name: 'speaker', list: 'actor-codes', value: p.speaker || '', spellcheck: 'false', size: 14,
    placeholder: 'any'});
  put(out, viewHead('Quotes', h('form', {class: 'inline-form', id: 'speaker-form', onsubmit: ev => {
    ev.preventDefault();
    go('quotes', {...p, speaker: speaker.value.trim().toUpperCase()});
  }}, h('label', {for: 'speaker'}, 'Speaker'), speaker, h('button', {type: 'submit', id: 'speaker-go'}, 'Show'))));
  const f = pick(p, QUOTE_FILTERS);
  const page = await api('quotes', {...f, limit: PAGE});
  if (!live()) return;
  if (!page.quotes.length) {
    put(out, empty('No quotes match these filters.'));
    return;
  }
  const list = h('ul', {class: 'quotes', id: 'quotes-list'}, page.quotes.map(quoteItem));
  put(out, list, pager('more', 'More quotes', page.next, cursor => api('quotes', {...f, limit: PAGE, cursor}), live,
    pg => list.append(...pg.quotes.map(quoteItem))));
}

async function renderSearch(out, r, live) {
  const q = (r.params.q || '').trim();
  const input = h('input', {id: 'search-q', name: 'q', type: 'search', value: q, size: 40, placeholder: 'words to find'});
  put(out, viewHead('Search'), h('form', {class: 'inline-form', id: 'search-form', role: 'search', onsubmit: ev => {
    ev.preventDefault();
    go('search', {q: input.value});
  }}, h('label', {for: 'search-q'}, 'Articles and quotes with all of'), input,
  h('button', {type: 'submit', class: 'primary', id: 'search-go'}, 'Search')));
  if (!q) {
    put(out, empty('Type the words to find; results hold all of them.'));
    return;
  }
  const res = await api('search', {q, limit: 50});
  if (!live()) return;
  if (!res.articles.length && !res.quotes.length) {
    put(out, empty(`Nothing holds “${q}”.`));
    return;
  }
  put(out, 
    h('h3', {}, `Articles (${fmtInt(res.articles.length)})`),
    h('ul', {class: 'results', id: 'search-articles'}, res.articles.map(a => h('li', {class: 'result', 'data-testid': 'search-article'},
      h('a', {class: 'title', href: link('article', {}, a.id)}, a.title || a.id),
      h('p', {class: 'meta'}, [a.published, a.publisher].filter(Boolean).join(' · ')),
      a.snippet ? h('p', {class: 'snippet'}, a.snippet) : null))),
    h('h3', {}, `Quotes (${fmtInt(res.quotes.length)})`),
    h('ul', {class: 'quotes', id: 'search-quotes'}, res.quotes.map(quoteItem)));
}

async function renderArticle(out, r, live) {
  if (!r.id) throw new Error('The address names no article.');
  const d = await api('articles/' + encodeURIComponent(r.id));
  if (!live()) return;
  const a = d.article;
  const spans = [];
  d.events.forEach((e, i) => spans.push(...eventSpans(e, `event ${i + 1}, ${e.cameo} ${e.name}: `)));
  for (const q of d.quotes) {
    if (q.span) spans.push({...q.span, role: 'quote', title: `quotation of ${actorCode(q.speaker) || 'an unnamed speaker'}`});
  }
  const meta = [a.published, a.publisher, a.state && a.state !== 'done' ? `state: ${a.state}` : ''].filter(Boolean).join(' · ');
  put(out, 
    h('article', {class: 'article'},
      h('h2', {id: 'article-title'}, a.title || a.id),
      h('p', {class: 'meta'}, meta, safeURL(a.url) ? [' · ', externalLink(a.url, 'original source')] : null),
      a.error ? h('p', {class: 'note'}, `Coding failed: ${a.error}`) : null,
      a.copy_of ? h('p', {class: 'note', id: 'copy-of'}, 'This is a copy of ',
        h('a', {href: link('article', {}, a.copy_of)}, a.copy_of), '; the text and records are the original’s.') : null,
      a.duplicates.length ? h('div', {class: 'note'}, 'Copies of this article: ',
        h('ul', {id: 'duplicates', class: 'inline-list'}, a.duplicates.map(c => h('li', {},
          h('a', {href: link('article', {}, c.id)}, c.publisher || c.id), safeURL(c.url) ? [' (', externalLink(c.url, 'source'), ')'] : null)))) : null,
      markKey(true),
      h('div', {class: 'article-text', id: 'article-text', 'data-testid': 'article-text'}, highlight(a.text || '', 0, spans))),
    h('h3', {}, `Events (${fmtInt(d.events.length)})`));
  if (d.events.length) {
    const t = eventsTable('article-events');
    t.add(d.events);
    put(out, t.el);
  } else {
    put(out, empty('No events were coded from this article.'));
  }
  put(out, h('h3', {}, `Quotes (${fmtInt(d.quotes.length)})`),
    d.quotes.length ? h('ul', {class: 'quotes', id: 'article-quotes'}, d.quotes.map(quoteItem)) : empty('No quotes.'));
}

// ---- start -------------------------------------------------------------------------

function init() {
  initFilters();
  initTooltips();
  addEventListener('hashchange', route);
  // Charts are drawn to the width of the window; redraw after a real resize.
  let width = innerWidth, timer = 0;
  addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const v = VIEWS[parseHash().view];
      if (Math.abs(innerWidth - width) > 40 && v && v.chart) {
        width = innerWidth;
        route();
      }
    }, 250);
  });
  loadStats().catch(err => showError(err.message));
  loadSuggestions().catch(err => showError(err.message));
  if (!/^#\/./.test(location.hash)) history.replaceState(null, '', '#/timeline');
  route();
}

init();

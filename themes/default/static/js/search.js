// Site search in the browser: no server, no dependencies, no eval. The
// index is built by gongshi (generator/search, whose package comment
// describes the file formats); this script mirrors generator/search's
// Searcher. It reads its configuration from #search-form's data- attributes.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.TextEncoder) return;
  var input = document.getElementById("q");
  var statusEl = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pager = document.getElementById("search-pager");
  var empty = document.getElementById("search-empty");
  var facetsEl = document.getElementById("search-facets");
  var tools = document.getElementById("search-tools");
  var metaURL = form.getAttribute("data-index");
  var base = form.getAttribute("data-base") || "/";
  var indexBase = metaURL.slice(0, metaURL.lastIndexOf("/") + 1);
  var PAGE = 10; // ten results a page: fewer detail files per query (the ≤ 100 KB budget)
  var DEBOUNCE = 40;

  // ---- Normalisation (generator/search.Normalize) ----
  var yearRe = / *[\[(【〖{] *([0-9]{4}) *[\])】〗}](?: *第? *0*([0-9]))?/gu;
  var wordRe = /^[\p{L}\p{N}〔〕]$/u;
  // fold maps a character to the one it is searched as (meta "fold": the
  // pairs of generator/search's foldTable that the index can need).
  var fold = new Map();
  function setFold(pairs) {
    fold = new Map();
    var cs = Array.from(pairs || "");
    for (var i = 0; i + 1 < cs.length; i += 2) fold.set(cs[i], cs[i + 1]);
  }
  function foldChars(s) {
    if (!fold.size) return s;
    var out = "";
    for (var ch of s) out += fold.get(ch) || ch;
    return out;
  }
  function normalize(s) {
    s = foldChars(s.normalize("NFKC").toLowerCase()).replace(/〔/g, "[").replace(/〕/g, "]");
    s = s.replace(yearRe, function (m, y, d) { return "〔" + y + "〕" + (d || ""); });
    var out = "", sep = false;
    for (var ch of s) {
      if (wordRe.test(ch)) {
        if (sep && out) out += " ";
        sep = false;
        out += ch;
      } else sep = true;
    }
    return out;
  }
  function parts(q) {
    var n = normalize(q);
    if (!n) return [];
    var ps = n.split(" ");
    return ps.filter(function (p, i) {
      for (var j = 0; j < ps.length; j++) {
        var o = ps[j];
        if (i !== j && o.indexOf(p) >= 0 && (o.length > p.length || j < i)) return false;
      }
      return true;
    });
  }
  // alternatives: the forms a part is searched in, itself and its synonym
  // rewrites (generator/search.alternatives).
  var MAX_ALTERNATIVES = 4;
  function alternatives(p, syn) {
    var out = [p];
    (syn || []).forEach(function (row) {
      if (p.indexOf(row[0]) < 0) return;
      for (var i = 1; i < row.length; i++) {
        var a = p.replace(row[0], function () { return row[i]; });
        if (out.length < MAX_ALTERNATIVES && out.indexOf(a) < 0) out.push(a);
      }
    });
    return out;
  }
  function union(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.docs.length || j < b.docs.length) {
      if (j === b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j])) out.push(a.docs[i++]);
      else if (i === a.docs.length || b.docs[j] < a.docs[i]) out.push(b.docs[j++]);
      else { out.push(a.docs[i]); i++; j++; }
    }
    var title = new Set(a.title);
    b.title.forEach(function (d) { title.add(d); });
    return { docs: out, title: title };
  }
  function identifierQuery(q) {
    var id = normalize(q).replace(/ /g, "");
    if (Array.from(id).length < 4) return [];
    var out = [id];
    if (/〔[0-9]{4}〕[0-9]+$/.test(id)) out.push(id + "号");
    return out;
  }

  // ---- Index files ----
  var enc = new TextEncoder();
  function shardOf(term, n) {
    var b = enc.encode(term), h = 2166136261;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h & (n - 1);
  }
  var files = new Map();
  function get(name, kind) {
    if (!files.has(name)) {
      files.set(name, fetch(indexBase + name).then(function (r) {
        if (!r.ok) throw new Error(name + ": " + r.status);
        return kind === "json" ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      }).catch(function (e) { files.delete(name); throw e; }));
    }
    return files.get(name);
  }
  function Reader(b, off) { this.b = b; this.i = off || 0; }
  Reader.prototype.uv = function () {
    var x = 0, s = 1, c;
    do { c = this.b[this.i++]; x += (c & 127) * s; s *= 128; } while (c >= 128);
    return x;
  };
  // VERSION is the index format this script reads (meta "v"). On a
  // mismatch the page is reloaded once, for the script that matches the
  // index; after that, search is refused.
  var VERSION = 6, RELOADED = "gongshi-search-reloaded";
  var meta = null, facetCols = null, dayCol = null, deadSet = null, shards = new Map(), chunks = new Map();
  function loadMeta() {
    if (!meta) meta = fetch(metaURL, { cache: "no-cache" }).then(function (r) { return r.json(); }).then(function (m) {
      if (m.v !== VERSION) {
        var again = false;
        try { again = !sessionStorage.getItem(RELOADED); if (again) sessionStorage.setItem(RELOADED, "1"); } catch (e) { again = false; }
        if (again) location.reload();
        throw new Error("search index version " + m.v + ", want " + VERSION);
      }
      try { sessionStorage.removeItem(RELOADED); } catch (e) { /* storage may be off */ }
      setFold(m.fold);
      m.facets.forEach(function (fc) { fc.values = fc.values || []; }); // a facet without values is null
      return m;
    });
    return meta;
  }
  function parseShard(b, si, k) {
    var r = new Reader(b), n = r.uv(), terms = new Map(), order = [], posOff = 0, dec = new TextDecoder();
    for (var i = 0; i < n; i++) {
      var l = r.uv(), name = dec.decode(b.subarray(r.i, r.i + l));
      r.i += l;
      var t = { seg: si, shard: k, idx: i, n: r.uv(), tn: r.uv(), dl: r.uv(), tl: r.uv() };
      var p = r.uv();
      t.posLen = Math.floor(p / 2); t.sep = p % 2 === 1;
      if (!t.sep) { t.posOff = posOff; posOff += t.posLen; }
      terms.set(name, t); order.push(t);
    }
    order.forEach(function (t) {
      t.docs = b.subarray(r.i, r.i + t.dl); r.i += t.dl;
      t.title = b.subarray(r.i, r.i + t.tl); r.i += t.tl;
    });
    return { terms: terms, posBytes: posOff };
  }
  // term returns a term of segment si, null when the segment lacks it.
  function shardKey(si, k) { return si + ":" + k; }
  function term(m, si, name) {
    var seg = m.segs[si], k = shardOf(name.charAt(0) === "+" ? "=" + name.slice(1) : name, seg.shards), key = shardKey(si, k);
    if (!shards.has(key)) shards.set(key, get(seg.dir + "s" + k + ".bin").then(function (b) { return parseShard(b, si, k); }));
    return shards.get(key).then(function (sh) { return sh.terms.get(name) || null; });
  }
  // segOf returns the segment of doc number d.
  function segOf(m, d) {
    var lo = 0, hi = m.segs.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (m.segs[mid].lo + m.segs[mid].n > d) hi = mid; else lo = mid + 1; }
    return lo;
  }
  function decodeList(b, count) {
    var out = new Uint32Array(count);
    if (!count || !b.length) return out.subarray(0, 0);
    var r = new Reader(b, 1), k = 0;
    if (b[0] === 0) {
      var cur = 0;
      for (var i = 0; i < count; i++) { cur = i ? cur + r.uv() : r.uv(); out[k++] = cur; }
    } else {
      var first = r.uv();
      for (var j = r.i; j < b.length; j++) {
        var c = b[j];
        for (var bit = 0; c; bit++, c >>= 1) if (c & 1) out[k++] = first + (j - r.i) * 8 + bit;
      }
    }
    return out.subarray(0, k);
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++; else if (a[i] > b[j]) j++; else { out.push(a[i]); i++; j++; }
    }
    return out;
  }
  function cover(n) {
    var out = [];
    for (var i = 0; i + 1 < n; i += 2) out.push(i);
    if (n % 2 === 1) out.push(n - 2);
    return out;
  }
  function posName(m, t) { return m.segs[t.seg].dir + "q" + t.shard + (t.sep ? "-" + t.idx : "") + ".bin"; }
  function positions(m, t, want) {
    return get(posName(m, t)).then(function (b) {
      var blob = t.sep ? b : b.subarray(t.posOff, t.posOff + t.posLen);
      var docs = decodeList(t.docs, t.n), r = new Reader(blob), out = new Map(), w = 0;
      for (var i = 0; i < docs.length; i++) {
        var d = docs[i], c = r.uv();
        while (w < want.length && want[w] < d) w++;
        var take = w < want.length && want[w] === d, ps = take ? [] : null, p = 0;
        for (var j = 0; j < c; j++) { p += r.uv(); if (take) ps.push(p); }
        if (take) out.set(d, ps);
      }
      return out;
    });
  }
  // chunkFile is the name of a segment's chunk c: cC-H.json when the
  // segment's "re" rewrote it, else cC.json (generator/search.Segment.ChunkFile).
  function chunkFile(seg, c) {
    var h = seg.re && seg.re[c];
    return seg.dir + "c" + c + (h ? "-" + h : "") + ".json";
  }
  function chunkName(m, d) {
    var seg = m.segs[segOf(m, d)];
    return chunkFile(seg, Math.floor((d - seg.lo) / m.chunk));
  }
  function doc(m, d) {
    var name = chunkName(m, d), seg = m.segs[segOf(m, d)];
    if (!chunks.has(name)) chunks.set(name, get(name, "json"));
    return chunks.get(name).then(function (docs) { return docs[(d - seg.lo) % m.chunk]; });
  }
  // decodeColumn reads a facet table's column of n values from r.
  function decodeColumn(r, b, n) {
    var mode = b[r.i++], col = new Uint16Array(n);
    if (mode === 0) { col.set(b.subarray(r.i, r.i + n)); r.i += n; }
    else if (mode === 3) {
      var w = b[r.i++], at0 = r.i * 8;
      for (var i3 = 0; i3 < n; i3++) {
        var v3 = 0;
        for (var k3 = 0; k3 < w; k3++) { var p3 = at0 + i3 * w + k3; v3 |= (b[p3 >> 3] >> (p3 & 7) & 1) << k3; }
        col[i3] = v3;
      }
      r.i += Math.ceil(n * w / 8);
    }
    else if (mode === 2) { for (var i = 0; i < n; i++) col[i] = b[r.i + 2 * i] | b[r.i + 2 * i + 1] << 8; r.i += 2 * n; }
    else {
      var runs = r.uv(), at = 0;
      for (var k = 0; k < runs; k++) { var v = r.uv(), l = r.uv(); col.fill(v, at, at + l); at += l; }
    }
    return col;
  }
  // loadDays reads every segment's day column (what ranking needs) into one
  // column over all doc numbers.
  function loadDays(m) {
    if (!dayCol) dayCol = Promise.all(m.segs.map(function (seg) { return get(seg.dir + "days.bin"); })).then(function (bs) {
      var col = new Uint16Array(m.docs);
      bs.forEach(function (b, si) { col.set(decodeColumn(new Reader(b), b, m.segs[si].n), m.segs[si].lo); });
      return col;
    });
    return dayCol;
  }
  // loadFacets reads every segment's facet table into columns over all doc
  // numbers, values mapped through the segment's fmap. A query without a
  // filter shows its results before it: only the counts need it.
  function loadFacets(m) {
    if (!facetCols) facetCols = Promise.all(m.segs.map(function (seg) { return get(seg.dir + "facets.bin"); })).then(function (bs) {
      var cols = [];
      for (var f = 0; f < m.facets.length; f++) cols.push(new Uint16Array(m.docs));
      bs.forEach(function (b, si) {
        var seg = m.segs[si], r = new Reader(b);
        cols.forEach(function (col, fi) {
          var part = decodeColumn(r, b, seg.n), map = seg.fmap ? seg.fmap[fi] : null;
          if (map) for (var i = 0; i < part.length; i++) part[i] = map[part[i]] || 0;
          col.set(part, seg.lo);
        });
      });
      return cols;
    });
    return facetCols;
  }
  // loadDead reads the tombstone file: the doc numbers no query returns.
  function loadDead(m) {
    if (!deadSet) deadSet = !m.dead ? Promise.resolve(new Set()) : get(m.dead).then(function (b) {
      var r = new Reader(b), n = r.uv();
      return new Set(decodeList(b.subarray(r.i), n));
    });
    return deadSet;
  }

  // ---- Queries (generator/search.Searcher.Search) ----
  // part returns the docs that contain p, over every segment (dead docs
  // included: search drops them).
  function concat(ms) {
    var out = { docs: [], title: new Set() };
    ms.forEach(function (x) {
      for (var i = 0; i < x.docs.length; i++) out.docs.push(x.docs[i]);
      x.title.forEach(function (d) { out.title.add(d); });
    });
    return out;
  }
  function part(m, p) {
    return Promise.all(m.segs.map(function (seg, si) { return segPart(m, si, p); })).then(concat);
  }
  function segPart(m, si, p) {
    var rs = Array.from(p);
    if (rs.length <= 2) {
      return term(m, si, p).then(function (t) {
        if (!t) return { docs: [], title: new Set() };
        return { docs: decodeList(t.docs, t.n), title: new Set(decodeList(t.title, t.tn)) };
      });
    }
    var offs = cover(rs.length), all = [];
    for (var i = 0; i + 1 < rs.length; i++) all.push(i);
    return Promise.all(all.map(function (i) { return term(m, si, rs[i] + rs[i + 1]); })).then(function (list) {
      var ts = new Map();
      for (var i = 0; i < all.length; i++) { if (!list[i]) return { docs: [], title: new Set() }; ts.set(all[i], list[i]); }
      var order = all.slice().sort(function (a, b) { return ts.get(a).n - ts.get(b).n; });
      var cand = decodeList(ts.get(order[0]).docs, ts.get(order[0]).n);
      for (var j = 1; j < order.length; j++) cand = intersect(cand, decodeList(ts.get(order[j]).docs, ts.get(order[j]).n));
      var res = { docs: [], title: new Set() };
      if (!cand.length) return res;
      // A dead doc's chunk entry may be null or its file gone: candidates
      // are live docs.
      return loadDead(m).then(function (dead) {
        if (dead.size) cand = cand.filter(function (d) { return !dead.has(d); });
        if (!cand.length) return res;
        return verify(m, si, p, ts, offs, cand, res);
      });
    });
  }
  // verify keeps the candidates that contain p, checked from their text in
  // the chunk files or from the positions of the cover, whichever costs less.
  function verify(m, si, p, ts, offs, cand, res) {
    return Promise.all(offs.map(function (o) { return shards.get(shardKey(si, ts.get(o).shard)); })).then(function (shs) {
      if (chunkCost(m, si, cand) <= posCost(m, ts, offs, shs)) {
        return Promise.all(Array.prototype.map.call(cand, function (d) { return doc(m, d); })).then(function (docs) {
          docs.forEach(function (x, k) {
            if (normalize(x.t).indexOf(p) >= 0) { res.docs.push(cand[k]); res.title.add(cand[k]); }
            else if (normalize(x.b || "").indexOf(p) >= 0) res.docs.push(cand[k]);
          });
          return res;
        });
      }
      return Promise.all(offs.map(function (o) { return positions(m, ts.get(o), cand); })).then(function (pos) {
        for (var k = 0; k < cand.length; k++) {
          var d = cand[k], first = pos[0].get(d) || [];
          for (var a = 0; a < first.length; a++) {
            var ok = true;
            for (var b = 1; b < offs.length && ok; b++) ok = (pos[b].get(d) || []).indexOf(first[a] + offs[b]) >= 0;
            if (ok) { res.docs.push(d); if (first[a] < m.bodyAt) res.title.add(d); break; }
          }
        }
        return res;
      });
    });
  }
  // An identifier of MIN_CONTAINS or more characters as the only part: its
  // term may say which docs contain it (generator/search.Searcher.identPart).
  var MIN_CONTAINS = 8;
  function identPart(m, si, p, only) {
    if (!only || Array.from(p).length < MIN_CONTAINS) return Promise.resolve(null);
    return term(m, si, "=" + p).then(function (t) {
      if (!t) return null;
      if (t.sep) return { docs: decodeList(t.docs, t.n), title: new Set() };
      return term(m, si, "+" + p).then(function (c) {
        if (!c) return null;
        return { docs: decodeList(c.docs, c.n), title: new Set(decodeList(c.title, c.tn)) };
      });
    });
  }
  // firstPart answers the first form of a part: per segment, by identPart
  // when it can, else by segPart.
  function firstPart(m, p, only) {
    return Promise.all(m.segs.map(function (seg, si) {
      return identPart(m, si, p, only).then(function (x) { return x || segPart(m, si, p); });
    })).then(concat);
  }
  function chunkCost(m, si, docs) {
    var seg = m.segs[si], n = 0, last = -1, long = seg.long || [];
    for (var i = 0; i < docs.length; i++) {
      if (long.indexOf(docs[i]) >= 0) return Infinity;
      var c = Math.floor((docs[i] - seg.lo) / m.chunk);
      if (c !== last && !chunks.has(chunkFile(seg, c))) n++;
      last = c;
    }
    return n * seg.chunkBytes;
  }
  function posCost(m, ts, offs, shs) {
    var n = 0, seen = new Set();
    offs.forEach(function (o, i) {
      var t = ts.get(o), name = posName(m, t);
      if (files.has(name) || seen.has(name)) return;
      seen.add(name);
      n += t.sep ? t.posLen : shs[i].posBytes;
    });
    return n;
  }
  function active(m, f) {
    var out = null;
    m.facets.forEach(function (fc, fi) {
      var v = f[fc.key], idx = -1;
      fc.values.forEach(function (x, i) { if (x.v === v) idx = i; });
      if (idx >= 0) { out = out || m.facets.map(function () { return -1; }); out[fi] = idx; }
    });
    return out;
  }
  function has(m, cols, fi, d, v) {
    var x = cols[fi][d];
    if (!x) return false;
    var sets = m.facets[fi].sets;
    return sets ? sets[x - 1].indexOf(v) >= 0 : x - 1 === v;
  }
  function search(m, q, f) {
    var ps = parts(q), act = active(m, f);
    var title = new Map(), phrase = new Set(), ident = new Set();
    var docsP;
    if (ps.length) {
      docsP = Promise.all(ps.map(function (p) {
        var alts = alternatives(p, m.syn);
        return Promise.all([firstPart(m, p, ps.length === 1)].concat(
          alts.slice(1).map(function (a) { return part(m, a); }))).then(function (xs) {
          // A part matches where any of its synonym rewrites does.
          return xs.reduce(union);
        });
      })).then(function (ms) {
        var docs = Array.from(ms[0].docs);
        for (var i = 1; i < ms.length; i++) docs = intersect(docs, ms[i].docs);
        docs.forEach(function (d) {
          var c = 0;
          ms.forEach(function (x) { if (x.title.has(d)) c++; });
          if (c) title.set(d, c);
        });
        var extra = [];
        if (ps.length > 1 && docs.length) extra.push(part(m, ps.join("")).then(function (x) { x.docs.forEach(function (d) { phrase.add(d); }); }));
        identifierQuery(q).forEach(function (k) {
          m.segs.forEach(function (seg, si) {
            extra.push(term(m, si, "=" + k).then(function (t) { if (t) decodeList(t.docs, t.n).forEach(function (d) { ident.add(d); }); }));
          });
        });
        return Promise.all(extra).then(function () { return docs; });
      });
    } else if (act) {
      var all = []; for (var i = 0; i < m.docs; i++) all.push(i);
      docsP = Promise.resolve(all);
    } else docsP = Promise.resolve([]);
    return Promise.all([docsP, act ? loadFacets(m) : null, loadDays(m), loadDead(m)]).then(function (r) {
      var docs = r[0], cols = r[1], day = r[2], dead = r[3];
      if (dead.size) docs = Array.prototype.filter.call(docs, function (d) { return !dead.has(d); });
      var out = !act ? Array.from(docs) : Array.prototype.filter.call(docs, function (d) {
        return act.every(function (v, fi) { return v < 0 || has(m, cols, fi, d, v); });
      });
      // Recency is the day column (newest first), then the doc number.
      var newest = f.sort === "new";
      if (m.docs <= KEYED && ps.length < 16) out = keyedSort(out, newest, ident, phrase, title, day);
      else out.sort(function (a, b) {
        if (!newest) {
          if (ident.has(a) !== ident.has(b)) return ident.has(a) ? -1 : 1;
          if (phrase.has(a) !== phrase.has(b)) return phrase.has(a) ? -1 : 1;
          var ta = title.get(a) || 0, tb = title.get(b) || 0;
          if (ta !== tb) return tb - ta;
        }
        if (day[a] !== day[b]) return day[b] - day[a];
        return a - b;
      });
      var hl = [];
      ps.forEach(function (p) { alternatives(p, m.syn).forEach(function (a) { hl.push(a); }); });
      return { docs: out, all: docs, act: act, parts: ps, marks: hl };
    });
  }
  // keyedSort orders docs as search's comparator does, by one number per
  // doc: identifier, phrase and title hits (< 16 parts), day, then the doc
  // number (< KEYED), packed into 44 bits of a double, and a native sort
  // of a Float64Array. In Chromium at 100k decisions it sorted 11-13k
  // results in 5-9 ms, where the comparator took 26-30 ms, and 100k in
  // 23 ms against 33 (TestBrowserBenchmark's 餐饮, 青石 and 罚款).
  var KEYED = 4194304;
  function keyedSort(docs, newest, ident, phrase, title, day) {
    var n = docs.length, keys = new Float64Array(n), i;
    for (i = 0; i < n; i++) {
      var d = docs[i], hi = newest ? 0 : ((ident.has(d) ? 2 : 0) + (phrase.has(d) ? 1 : 0)) * 16 + (title.get(d) || 0);
      keys[i] = (hi * 65536 + day[d]) * KEYED + (KEYED - 1 - d);
    }
    keys.sort();
    var out = new Array(n);
    for (i = 0; i < n; i++) out[i] = KEYED - 1 - keys[n - 1 - i] % KEYED;
    return out;
  }
  // counts gives, per facet, the results per value, each facet counted
  // under the other facets' filters.
  function counts(m, res, cols) {
    var out = {}, act = res.act;
    m.facets.forEach(function (fc) { out[fc.key] = fc.values.map(function () { return 0; }); });
    Array.prototype.forEach.call(res.all, function (d) {
      var fail = -1, nfail = 0;
      if (act) act.forEach(function (v, fi) { if (v >= 0 && !has(m, cols, fi, d, v)) { fail = fi; nfail++; } });
      if (nfail > 1) return;
      m.facets.forEach(function (fc, fi) {
        if (nfail === 1 && fail !== fi) return;
        var x = cols[fi][d];
        if (!x) return;
        if (fc.sets) fc.sets[x - 1].forEach(function (c) { out[fc.key][c]++; });
        else out[fc.key][x - 1]++;
      });
    });
    return out;
  }

  // ---- Display ----
  var typeLabel = {};
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // marked appends text to parent with every match of the parts wrapped in
  // <mark>; it maps normalised characters back to the original ones.
  function ranges(text, ps) {
    var cps = Array.from(text), norm = "", map = [], sep = false;
    cps.forEach(function (c, i) {
      var n = foldChars(c.normalize("NFKC").toLowerCase());
      for (var ch of n) {
        if (wordRe.test(ch)) {
          if (sep && norm) { norm += " "; map.push(i); }
          sep = false;
          for (var u = 0; u < ch.length; u++) map.push(i);
          norm += ch;
        } else sep = true;
      }
    });
    var marks = [];
    ps.forEach(function (p) {
      for (var at = norm.indexOf(p); at >= 0; at = norm.indexOf(p, at + p.length)) {
        marks.push([map[at], map[at + p.length - 1] + 1]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    return { cps: cps, marks: marks };
  }
  function marked(parent, text, ps, window) {
    var r = ranges(text, ps), cps = r.cps, from = 0, to = cps.length;
    if (window) {
      var at = r.marks.length ? r.marks[0][0] : 0;
      from = Math.max(0, at - 30); to = Math.min(cps.length, from + 110);
      if (from > 0) parent.appendChild(document.createTextNode("…"));
    }
    var i = from;
    r.marks.forEach(function (mk) {
      if (mk[0] < i || mk[0] >= to) return;
      parent.appendChild(document.createTextNode(cps.slice(i, mk[0]).join("")));
      parent.appendChild(el("mark", null, cps.slice(mk[0], Math.min(mk[1], to)).join("")));
      i = Math.min(mk[1], to);
    });
    parent.appendChild(document.createTextNode(cps.slice(i, to).join("")));
    if (window && to < cps.length) parent.appendChild(document.createTextNode("…"));
  }
  function state() {
    var u = new URLSearchParams(location.search), f = {};
    u.forEach(function (v, k) { f[k] = v; });
    return f;
  }
  function urlFor(f) {
    var u = new URLSearchParams();
    Object.keys(f).forEach(function (k) { if (f[k]) u.set(k, f[k]); });
    var s = u.toString();
    return location.pathname + (s ? "?" + s : "");
  }
  function link(text, f, current) {
    var a = el("a", null, text);
    a.href = urlFor(f);
    if (current) a.setAttribute("aria-current", "true");
    a.addEventListener("click", function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      history.pushState(null, "", a.getAttribute("href"));
      run(false);
    });
    return a;
  }
  function renderFacets(m, f, counts) {
    facetsEl.textContent = "";
    var any = false;
    m.facets.forEach(function (fc) {
      var items = [];
      fc.values.forEach(function (v, i) {
        var n = counts[fc.key][i], cur = f[fc.key] === v.v;
        if (!n && !cur) return;
        items.push([v, n, cur]);
      });
      if (!items.length) return;
      any = true;
      var sec = el("section", "facet"), id = "facet-" + fc.key;
      var h = el("h2", null, fc.label); h.id = id;
      sec.setAttribute("aria-labelledby", id);
      sec.appendChild(h);
      var ul = el("ul");
      items.forEach(function (it) {
        var nf = Object.assign({}, f);
        delete nf.page;
        nf[fc.key] = it[2] ? "" : it[0].v;
        var li = el("li");
        var a = link(it[0].l + "（" + it[1] + "）", nf, it[2]);
        if (it[2]) a.setAttribute("aria-label", it[0].l + "，已选，点击取消");
        li.appendChild(a);
        ul.appendChild(li);
      });
      sec.appendChild(ul);
      facetsEl.appendChild(sec);
    });
    facetsEl.hidden = !any;
  }
  // renderTools shows the sort control (相关度 / 最新), a link to the
  // filters (below the results on a narrow screen) and, when a filter is
  // set, a link that clears them all; the query and the sort stay.
  function renderTools(m, f, total) {
    tools.textContent = "";
    var set = m.facets.some(function (fc) { return f[fc.key]; });
    if (total) {
      var sortEl = el("p", "sort");
      sortEl.appendChild(document.createTextNode("排序："));
      [["", "相关度"], ["new", "最新"]].forEach(function (o, i) {
        var nf = Object.assign({}, f);
        delete nf.page;
        nf.sort = o[0];
        if (i) sortEl.appendChild(document.createTextNode(" "));
        sortEl.appendChild(link(o[1], nf, (f.sort === "new") === (o[0] === "new")));
      });
      tools.appendChild(sortEl);
    }
    if (set) {
      var clear = link("清除全部筛选", { q: f.q || "", sort: f.sort || "" }, false);
      clear.id = "search-clear";
      tools.appendChild(clear);
    }
    if (total) {
      var jump = el("a", "to-facets", "筛选");
      jump.href = "#search-facets";
      tools.appendChild(jump);
    }
  }
  function renderPager(f, total, page) {
    pager.textContent = "";
    var pages = Math.ceil(total / PAGE);
    if (pages <= 1) { pager.hidden = true; return; }
    var ul = el("ul");
    function add(label, p, cur) {
      var nf = Object.assign({}, f); nf.page = p > 1 ? String(p) : "";
      var li = el("li"); li.appendChild(link(label, nf, cur)); ul.appendChild(li);
    }
    if (page > 1) add("上一页", page - 1, false);
    for (var p = Math.max(1, page - 2); p <= Math.min(pages, page + 2); p++) add(String(p), p, p === page);
    if (page < pages) add("下一页", page + 1, false);
    pager.appendChild(ul);
    pager.hidden = false;
  }
  var seq = 0, lastInput = 0;
  function run(fromTyping) {
    var my = ++seq, f = state(), q = f.q || "";
    if (!fromTyping && input.value !== q) input.value = q;
    return loadMeta().then(function (m) {
      m.facets.forEach(function (fc) { if (fc.key === "type") fc.values.forEach(function (v) { typeLabel[v.v] = v.l; }); });
      return search(m, q, f).then(function (res) {
        if (my !== seq) return;
        var page = Math.max(1, parseInt(f.page, 10) || 1), from = (page - 1) * PAGE;
        var shown = res.docs.slice(from, from + PAGE);
        return Promise.all(shown.map(function (d) { return doc(m, d); })).then(function (docs) {
          if (my !== seq) return;
          render(m, f, res, docs, page, q);
          // The facet table comes after the results, for the counts.
          return res.all.length || res.act ? loadFacets(m) : null;
        }).then(function (cols) {
          if (my !== seq) return;
          if (cols) renderFacets(m, f, counts(m, res, cols));
          else facetsEl.hidden = true;
          form.setAttribute("data-done", String(seq));
          form.setAttribute("data-query", q);
        });
      });
    }).catch(function (e) {
      if (my !== seq) return;
      // A new build replaced the index: forget it and try once more.
      if (!run.retried) { run.retried = true; meta = null; facetCols = null; dayCol = null; deadSet = null; files.clear(); shards.clear(); chunks.clear(); return run(fromTyping); }
      statusEl.textContent = "搜索暂时不可用，请按分类浏览。";
      if (window.console) console.warn(e);
    });
  }
  function render(m, f, res, docs, page, q) {
    list.textContent = "";
    var searched = res.parts.length > 0 || res.docs.length > 0;
    var total = res.docs.length;
    // A county's results name their town (the doc's "w").
    docs.forEach(function (d, i) {
      var li = el("li", "result");
      var h = el("h2");
      var a = el("a"); a.href = base.replace(/\/$/, "") + d.u;
      marked(a, d.t, res.marks);
      h.appendChild(a); li.appendChild(h);
      var meta = el("p", "meta");
      if (d.w) { meta.appendChild(el("span", "tag", d.w)); meta.appendChild(document.createTextNode(" · ")); }
      meta.appendChild(el("span", "tag", typeLabel[d.k] || d.k));
      if (d.d) { var t = el("time", null, d.d); t.setAttribute("datetime", d.d); meta.appendChild(document.createTextNode(" · ")); meta.appendChild(t); }
      if (d.s) { meta.appendChild(document.createTextNode(" · ")); marked(meta.appendChild(el("span", "code")), d.s, res.marks); }
      if (d.a) meta.appendChild(document.createTextNode(" · " + d.a));
      li.appendChild(meta);
      if (d.b) { var sn = el("p", "snippet"); marked(sn, d.b, res.marks, true); li.appendChild(sn); }
      list.appendChild(li);
    });
    if (!searched) statusEl.textContent = q ? "请输入文字或数字。" : "";
    else if (!total) statusEl.textContent = "没有找到与“" + q + "”相符的结果。";
    else statusEl.textContent = "找到 " + total + " 条结果" + (total > PAGE ? "，第 " + page + " 页，共 " + Math.ceil(total / PAGE) + " 页" : "") + "。";
    empty.hidden = !(searched && !total) && !(q && !res.parts.length);
    renderTools(m, f, total);
    renderPager(f, total, page);
    var now = performance.now();
    form.setAttribute("data-ms", String(Math.round(now - lastInput)));
    form.setAttribute("data-first", String(now));
    form.setAttribute("data-total", String(total));
  }
  var timer = 0;
  input.addEventListener("input", function () {
    lastInput = performance.now();
    clearTimeout(timer);
    timer = setTimeout(function () {
      var f = state();
      f.q = input.value; delete f.page;
      history.replaceState(null, "", urlFor(f));
      run(true);
    }, DEBOUNCE);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var f = state();
    f.q = input.value; delete f.page;
    history.pushState(null, "", urlFor(f));
    run(true);
  });
  window.addEventListener("popstate", function () { run(false); });
  var initial = state();
  if (initial.q || Object.keys(initial).length) run(false);
  else loadMeta();
})();

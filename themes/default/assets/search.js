// kyodo site search: reads the index `kyodo build` writes (generator/search_index.h)
// and shows ranked results with highlighted snippets. No dependencies.
//
// Index files are small scripts calling kyodoSearch(name, payload); loading them
// with <script> works on any static host and from disk (file://), where fetch()
// does not. A query loads meta.js once, then only the shards holding its tokens
// and the page files of the results it shows.
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root) return;

  // ---- folding: must match SearchFold in generator/search_text.cpp ----
  // Letters, digits and marks, but not variation selectors: 葛󠄀 (葛 + U+E0100) is 葛.
  var KEEP = /(?!\p{Variation_Selector})[\p{L}\p{N}\p{M}]/u;
  var JOINS = /[\p{M}\u3099-\u309C\uFF9E\uFF9F]/u; // voicing marks join the character before them
  // Pairs (a spelling, the one searched): ぢ づ, small ヵ ヶ, 旧字体 and name 異体字 (宮澤 → 宮沢).
  // The same string as kVariants in search_text.cpp (search_text_test compares them).
  var VARIANTS = 'ぢじづずゕかゖけ亞亜佛仏來来傳伝價価兒児內内冨富勞労區区卷巻參参國国圍囲圓円圖図團団增増壓圧壽寿學学實実寶宝對対嵜崎嶋島嶌島嶽岳廢廃廣広彌弥從従德徳惠恵惡悪應応戰戦拔抜擧挙數数曾曽會会桒桑條条榮栄槗橋樂楽檢検櫻桜權権步歩歲歳每毎氣気淸清渕淵滿満澁渋澤沢濟済濱浜濵浜瀧滝瀨瀬灣湾燈灯燒焼營営獨独獻献畫画發発眞真硏研碕崎祕秘禮礼稻稲穗穂竝並經経緣縁縣県繪絵聲声聽聴臺台與与舊旧舘館莊荘萬万藏蔵藝芸處処螢蛍蟲虫衞衛覺覚觀観證証讀読變変豐豊賣売轉転邉辺邊辺郞郎醫医鐵鉄鑛鉱關関隱隠雜雑靑青靜静顯顕驗験驛駅體体髙高鹽塩黃黄黑黒點点齊斉齋斎齒歯齡齢龍竜﨑崎𠮷吉';
  var COMMON = {};
  Array.from(VARIANTS).forEach(function (ch, i, all) { if (i % 2 === 0) COMMON[ch] = all[i + 1]; });
  function foldChar(ch) {
    var l = ch.toUpperCase().toLowerCase();
    if (Array.from(l).length === 1) ch = l;
    var c = ch.codePointAt(0);
    if ((c >= 0x30a1 && c <= 0x30f6) || c === 0x30fd || c === 0x30fe) ch = String.fromCodePoint(c - 0x60);
    if (ch === '\u30fc') return ''; // ー: センター and センタ are one word
    return KEEP.test(ch) ? COMMON[ch] || ch : '';
  }
  function fold(text) {
    return Array.from(text.normalize('NFKC'), foldChar).filter(Boolean);
  }
  // Folds text cluster by cluster, remembering where each folded character came
  // from, so matches found in folded text can be highlighted in the original.
  function foldMap(text) {
    var chars = [], from = [], to = [];
    for (var i = 0; i < text.length;) {
      var j = i + (text.codePointAt(i) > 0xffff ? 2 : 1);
      while (j < text.length && JOINS.test(String.fromCodePoint(text.codePointAt(j)))) j += text.codePointAt(j) > 0xffff ? 2 : 1;
      Array.from(text.slice(i, j).normalize('NFKC')).forEach(function (ch) {
        var f = foldChar(ch);
        if (f) { chars.push(f); from.push(i); to.push(j); }
      });
      i = j;
    }
    return { chars: chars, from: from, to: to };
  }
  function findAll(chars, word, limit) {
    var hits = [];
    outer: for (var i = 0; i + word.length <= chars.length && hits.length < limit; i++) {
      for (var k = 0; k < word.length; k++) if (chars[i + k] !== word[k]) continue outer;
      hits.push(i);
    }
    return hits;
  }

  // ---- loading ----
  var pending = {}, loaded = {};
  window.kyodoSearch = function (name, payload) {
    if (pending[name]) { pending[name].resolve(payload); delete pending[name]; }
  };
  function load(dir, name) {
    var url = dir + name + '.js';
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        pending[name] = { resolve: resolve };
        var s = document.createElement('script');
        s.src = url;
        s.onload = function () { s.remove(); if (pending[name]) { delete pending[name]; reject(new Error(url)); } };
        s.onerror = function () { s.remove(); delete pending[name]; delete loaded[url]; reject(new Error(url)); };
        document.head.appendChild(s);
      });
    }
    return loaded[url];
  }

  // ---- decoding: see generator/search_codec.h ----
  var B64 = {};
  Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', function (c, i) { B64[c] = i; });
  function Reader(s) { this.s = s; this.p = 0; }
  Reader.prototype.bit = function () {
    return (B64[this.s.charAt(this.p / 6 | 0)] >> (5 - this.p++ % 6)) & 1;
  };
  Reader.prototype.bits = function (n) { for (var v = 0; n > 0; n--) v = v * 2 + this.bit(); return v; };
  Reader.prototype.gamma = function () { var n = 0; while (!this.bit()) n++; return Math.pow(2, n) + this.bits(n); };
  Reader.prototype.list = function (impactBits) {
    var n = this.gamma(), k = this.bits(5), docs = new Array(n), imp = new Array(n), d = -1;
    for (var i = 0; i < n; i++) {
      var q = 0;
      while (this.bit()) q++;
      d += q * Math.pow(2, k) + this.bits(k) + 1;
      docs[i] = d;
    }
    if (!impactBits) imp.fill(1);
    else if (!this.bit()) for (i = 0; i < n; i++) imp[i] = this.bits(impactBits);
    else { // canonical Huffman code: each level's code length, then the codes
      var len = [0], count = [], syms = [];
      for (var v = 1; v < Math.pow(2, impactBits); v++) {
        len[v] = this.bits(4);
        if (len[v]) { syms.push(v); count[len[v]] = (count[len[v]] || 0) + 1; }
      }
      syms.sort(function (a, b) { return len[a] - len[b] || a - b; });
      for (i = 0; i < n; i++) {
        for (var code = 0, first = 0, index = 0, l = 1; ; l++) {
          code |= this.bit();
          var c = count[l] || 0;
          if (code - first < c) { imp[i] = syms[index + code - first]; break; }
          index += c; first = (first + c) * 2; code *= 2;
        }
      }
    }
    return { docs: docs, imp: imp };
  };
  function tokenHash(cps) {
    var h = 2166136261;
    cps.forEach(function (c) { h = Math.imul(h ^ c, 16777619); });
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  // ---- the index ----
  var indexDir = root.dataset.root + root.dataset.index, docDir = root.dataset.root + 'search/';
  var metaP = load(indexDir, 'meta').then(function (m) { m.aliases = aliasTerms(m); m.cityWords = cityWords(m); return m; });
  var shards = {};
  function shard(meta, token) {
    var uni = token.length === 1, n = uni ? meta.ushards : meta.shards;
    var name = (uni ? 'u/' : 's/') + tokenHash(token.map(function (c) { return c.codePointAt(0); })) % n;
    if (!shards[name]) {
      shards[name] = load(indexDir, name).then(function (p) {
        var keys = p[0] ? p[0].split(' ') : [], r = new Reader(p[1]), map = {};
        keys.forEach(function (key) { map[key] = r.list(meta.bits); });
        Object.keys(p[2]).forEach(function (key) { map[key] = { file: p[2][key] }; }); // a big list's own file
        return map;
      });
    }
    return shards[name].then(function (map) {
      var key = token.join(''), list = map[key];
      if (list && list.file) {
        list = map[key] = load(indexDir, list.file).then(function (bits) { return new Reader(bits).list(meta.bits); });
      }
      return list;
    });
  }
  function termDocs(vocab, slug) {
    return load(indexDir, 'f/' + vocab + '/' + slug).then(function (bits) { return new Reader(bits).list(0).docs; });
  }
  // Folded alias → the terms it names, e.g. こそだて → 分野「子どもの健全育成」.
  function aliasTerms(meta) {
    var map = {};
    meta.facets.forEach(function (f) {
      f[2].forEach(function (t) {
        t[3].forEach(function (a) {
          var k = fold(a).join('');
          (map[k] = map[k] || []).push({ vocab: f[0], slug: t[0], label: f[1] + '「' + t[1] + '」' });
        });
      });
    });
    return map;
  }
  // Folded words naming a city → its index: 佐久市, 佐久, さくし, さく. A page
  // seldom repeats its city's name, yet 佐久市 子育て means 佐久市's 子育て pages.
  function cityWords(meta) {
    var map = {}, readings = { '市': ['し'], '区': ['く'], '町': ['ちょう', 'まち'], '村': ['むら', 'そん'] };
    meta.cities.forEach(function (c, i) {
      var label = c[1], kana = c[2] || '', name = c[3] || label, words = [label, name, kana];
      var suffix = name.slice(-1), reading = (readings[suffix] || []).filter(function (r) { return kana.endsWith(r); })[0];
      if (reading && name.length > 2) words.push(name.slice(0, -1), kana.slice(0, -reading.length));
      words.forEach(function (w) {
        var k = fold(w).join('');
        if (k.length > 1 && (map[k] = map[k] || []).indexOf(i) < 0) map[k].push(i);
      });
    });
    return map;
  }
  function cityDocs(meta, c) { // the ids of city c's docs: its cells are one run
    var T = meta.types.length, start = 0, n = 0;
    meta.counts.forEach(function (row, i) {
      for (var t = 0; t < T; t++) { if (i < c) start += row[t]; else if (i === c) n += row[t]; }
    });
    return Array.from({ length: n }, function (x, k) { return start + k; });
  }
  // Docs holding every token of a word, with the least impact (a phrase's
  // weight); then the docs tagged with a term the word is an alias of, weighing
  // less than any text match (0.5 < the lowest impact, 1).
  function wordDocs(meta, word) {
    var tokens = [], seen = {}, terms = meta.aliases[word.join('')] || [];
    if (word.length === 1) tokens.push(word);
    for (var i = 0; i + 1 < word.length; i++) {
      var t = word.slice(i, i + 2);
      if (!seen[t.join('')]) { seen[t.join('')] = 1; tokens.push(t); }
    }
    var text = Promise.all(tokens.map(function (t) { return shard(meta, t); })).then(function (lists) {
      var out = new Map();
      if (lists.some(function (l) { return !l; })) return out;
      lists.sort(function (a, b) { return a.docs.length - b.docs.length; });
      lists[0].docs.forEach(function (d, i) { out.set(d, lists[0].imp[i]); });
      lists.slice(1).forEach(function (l) {
        var next = new Map();
        l.docs.forEach(function (d, i) { if (out.has(d)) next.set(d, Math.min(out.get(d), l.imp[i])); });
        out = next;
      });
      return out;
    });
    return Promise.all([text].concat(terms.map(function (t) { return termDocs(t.vocab, t.slug); }))).then(function (r) {
      var m = r[0], alias = new Map();
      terms.forEach(function (t, i) {
        r[i + 1].forEach(function (d) { if (!m.has(d) || alias.has(d)) { m.set(d, 0.5); alias.set(d, t.label); } });
      });
      // A city's pages, weighing as an alias; the result already names the city.
      (meta.cityWords[word.join('')] || []).forEach(function (c) {
        cityDocs(meta, c).forEach(function (d) { if (!m.has(d)) { m.set(d, 0.5); alias.set(d, ''); } });
      });
      return { m: m, alias: alias, word: word };
    });
  }
  function cellOf(meta, d) { // which (city, type) range a doc id lies in
    var T = meta.types.length, acc = 0;
    for (var c = 0; c < meta.counts.length; c++) {
      for (var t = 0; t < T; t++) { acc += meta.counts[c][t]; if (d < acc) return { city: c, type: t }; }
    }
    return { city: -1, type: -1 };
  }
  function search(meta, words, filters) {
    var terms = ['modes', 'fields', 'actors'].filter(function (v) { return filters[v]; });
    return Promise.all(words.map(function (w) { return wordDocs(meta, w); }).concat(terms.map(function (v) {
      return termDocs(v, filters[v]).then(function (docs) { return new Set(docs); }, function () { return new Set(); });
    }))).then(function (sets) {
      var tagged = sets.slice(words.length), levels = Math.pow(2, meta.bits) - 1;
      var per = sets.slice(0, words.length).sort(function (a, b) { return a.m.size - b.m.size; });
      var idf = per.map(function (w) { return Math.log(1 + (meta.docs - w.m.size + 0.5) / (w.m.size + 0.5)); });
      var cityIdx = meta.cities.findIndex(function (c) { return c[0] === filters.city; });
      var typeIdx = meta.types.findIndex(function (t) { return t[0] === filters.type; });
      var hits = [], cityCount = {}, typeCount = {};
      // Without words, the filters alone choose the pages (in site order).
      var candidates = per.length ? per[0].m : tagged.length ? tagged[0] :
        new Map(Array.from({ length: meta.docs }, function (x, d) { return [d, 0]; }));
      candidates.forEach(function (imp, d) {
        if (!per.every(function (w) { return w.m.has(d); }) || !tagged.every(function (s) { return s.has(d); })) return;
        var cell = cellOf(meta, d), inCity = cityIdx < 0 || cell.city === cityIdx, inType = typeIdx < 0 || cell.type === typeIdx;
        if (inType) cityCount[cell.city] = (cityCount[cell.city] || 0) + 1;
        if (inCity) typeCount[cell.type] = (typeCount[cell.type] || 0) + 1;
        if (!inCity || !inType) return;
        var score = 0, why = [], verify = [];
        per.forEach(function (w, i) {
          score += idf[i] * w.m.get(d) / levels;
          if (!w.alias.has(d)) verify.push(w.word); else if (w.alias.get(d)) why.push(w.alias.get(d));
        });
        hits.push({ doc: d, score: score, why: why, verify: verify });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return { hits: hits, cityCount: cityCount, typeCount: typeCount };
    });
  }

  // ---- results ----
  var PAGE = 10;
  var form = root.querySelector('form'), input = document.getElementById('search-q');
  var status = document.getElementById('search-status'), results = document.getElementById('search-results');
  var filterBox = document.getElementById('search-filters');
  var selects = {}, current = null, serial = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // Appends text[start, end) to parent with the folded matches of `words` marked.
  function marked(parent, text, map, start, end, words) {
    var ranges = [];
    words.forEach(function (w) {
      findAll(map.chars, w, 1000).forEach(function (i) {
        var a = map.from[i], b = map.to[i + w.length - 1];
        while (b < text.length && /[\u30fc\uff70]/.test(text.charAt(b))) b++; // センタ marks センター whole
        if (b > start && a < end) ranges.push([Math.max(a, start), Math.min(b, end)]);
      });
    });
    ranges.sort(function (x, y) { return x[0] - y[0]; });
    var at = start;
    ranges.forEach(function (r) {
      if (r[1] <= at) return;
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      parent.appendChild(el('mark', '', text.slice(Math.max(at, r[0]), r[1])));
      at = r[1];
    });
    if (at < end) parent.appendChild(document.createTextNode(text.slice(at, end)));
  }
  function snippet(doc, words) {
    var p = el('p', 'search-snippet'), text = doc.text, map = foldMap(text), first = -1;
    words.forEach(function (w) {
      var h = findAll(map.chars, w, 1)[0];
      if (h !== undefined && (first < 0 || h < first)) first = h;
    });
    var s = Math.max(0, first - 30), e = Math.min(map.chars.length, s + 110);
    var start = s > 0 ? map.from[s] : 0, end = e < map.chars.length ? map.from[e] : text.length;
    if (start > 0) p.appendChild(document.createTextNode('…'));
    marked(p, text, map, start, end, words);
    if (end < text.length) p.appendChild(document.createTextNode('…'));
    // A very long page keeps only its first part here: say where the words are
    // instead of leaving an unrelated opening as the only clue.
    var title = fold(doc.title);
    if (first < 0 && doc.cut && !words.every(function (w) { return findAll(title, w, 1).length > 0; })) {
      p.appendChild(document.createTextNode('（検索した語は、ページのこの先にあります）'));
    }
    return p;
  }
  // A page holds the words if each is in its title or text: bigram postings
  // alone can match 「存在しない語」 spread over a page.
  function holds(doc, words) {
    var hay = [fold(doc.title), fold(doc.text)];
    return doc.cut || words.every(function (w) {
      return hay.some(function (h) { return findAll(h, w, 1).length > 0; });
    });
  }
  // Whether the page's title is the words typed (ignoring spaces, punctuation and spelling).
  function isTitle(doc, words) {
    return fold(doc.title).join('') === words.map(function (w) { return w.join(''); }).join('');
  }
  function loadDoc(meta, d) {
    return load(docDir, 'd/' + (meta.first + d)).then(function (a) {
      return { title: a[0], path: a[1], city: a[2], type: a[3], text: a[4], cut: a[5] };
    });
  }
  function item(meta, doc, words, why) {
    var li = el('li', 'search-item'), h = el('h2', 'search-title'), a = el('a');
    li.dataset.path = doc.path;
    a.href = root.dataset.root + doc.path + root.dataset.suffix;
    marked(a, doc.title, foldMap(doc.title), 0, doc.title.length, words);
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el('p', 'search-meta', [meta.cities[doc.city][1], meta.types[doc.type][1]].concat(why.map(function (w) {
      return w + 'に分類';
    })).join('・')));
    li.appendChild(snippet(doc, words));
    return li;
  }
  // Shows up to PAGE more verified results of the current search.
  function more(focusFirst) {
    var run = current, meta = run.meta, want = PAGE, added = [];
    function step() {
      var batch = run.hits.slice(run.next, run.next + want);
      run.next += batch.length;
      return Promise.all(batch.map(function (h) { return loadDoc(meta, h.doc); })).then(function (docs) {
        if (run !== current) return;
        docs.forEach(function (doc, i) {
          var h = batch[i];
          if (holds(doc, h.verify)) added.push({ li: item(meta, doc, run.words, h.why), exact: isTitle(doc, run.words) });
          else run.total--;
        });
        want = PAGE - added.length;
        if (want > 0 && run.next < run.hits.length) return step();
      });
    }
    return step().then(function () {
      if (run !== current) return;
      // A page titled exactly what was typed comes first: a 事例 title copied from
      // its page must not rank below the news or group that repeats it. (sort is stable)
      if (!run.shown) added.sort(function (a, b) { return b.exact - a.exact; });
      added.forEach(function (a) { run.list.appendChild(a.li); });
      run.shown += added.length;
      render(focusFirst && added[0] && added[0].li);
    });
  }
  function render(focusItem) {
    var run = current, q = run.query, chars = Array.from(q);
    // A pasted paragraph is named by its start (the live region reads it all
    // out), and a cut one is said to be: the pages need not hold the rest of it.
    var named = '「' + (chars.length > 40 ? chars.slice(0, 40).join('') + '…' : q) + '」';
    var what = !q ? '絞り込みの条件に合うページ' : named + (run.cut ? 'の初めの部分' : '') + 'に一致するページ';
    // The title names the search too: each search is a history entry, shared or
    // bookmarked, and the title is what history lists and a screen reader reads first.
    document.title = (q ? named + 'の検索結果（' + run.total + '件）｜' : '') + baseTitle;
    status.textContent = (run.total === 0 ? what + 'は見つかりませんでした。' :
      what + '：' + run.total + '件' +
      (run.shown < run.total ? '（1〜' + run.shown + '件目を表示）' : '')) +
      (run.cut ? '（長い言葉は初めの32字まで、言葉は8つまでで探しました）' : '');
    showNone(run.total === 0, q);
    run.button.hidden = run.next >= run.hits.length;
    run.button.textContent = 'さらに表示（残り' + (run.total - run.shown) + '件）';
    results.removeAttribute('aria-busy');
    if (focusItem) focusItem.querySelector('a').focus();
  }
  // What to try next when nothing was found (the status alone is a dead end):
  // the filters line only while a filter is set, and the all-cities link keeps the words.
  var none = document.getElementById('search-none'), noneAll = document.getElementById('search-none-all');
  var allHref = noneAll && noneAll.getAttribute('href');
  function showNone(show, q) {
    if (!none) return;
    none.hidden = !show;
    var f = filterValues();
    document.getElementById('search-none-filters').hidden = !Object.keys(f).some(function (k) { return f[k]; });
    if (noneAll) noneAll.setAttribute('href', allHref + '?q=' + encodeURIComponent(q));
  }
  function filterValues() {
    var f = {};
    Object.keys(selects).forEach(function (k) { f[k] = selects[k].value; });
    return f;
  }
  // Each search gets its own history entry, so Back shows the previous results
  // (and the page before the first search); typing refines the entry it started.
  var refining = false;
  function syncUrl(q, filters) {
    try {
      var u = new URL(location.href), searched = ['q'].concat(Object.keys(selects)).some(function (k) {
        return u.searchParams.get(k);
      });
      ['q'].concat(Object.keys(filters)).forEach(function (k) {
        var v = k === 'q' ? q : filters[k];
        if (v) u.searchParams.set(k, v); else u.searchParams.delete(k);
      });
      if (u.href === location.href) return;
      if (refining || !searched) history.replaceState(null, '', u.href); else history.pushState(null, '', u.href);
      refining = true;
    } catch (e) { /* file:// pages may refuse URL changes; the search still works */ }
  }
  function counts(meta, found) {
    [['city', meta.cities, found.cityCount], ['type', meta.types, found.typeCount]].forEach(function (f) {
      if (!selects[f[0]]) return;
      Array.from(selects[f[0]].options).slice(1).forEach(function (o) {
        o.textContent = f[1][o.dataset.i][1] + '（' + (f[2][o.dataset.i] || 0) + '件）';
      });
    });
  }
  // `submitted`: the button or Enter, which must always answer (typing that
  // empties the box clears the results quietly).
  function go(submitted) {
    var q = input.value.trim(), filters = filterValues(), id = ++serial;
    syncUrl(q, filters);
    results.setAttribute('aria-busy', 'true');
    metaP.then(function (meta) {
      var words = [], seen = {}, cut = false;
      // At most 8 words of 32 characters: each bigram may cost a file, and
      // nobody types more; a pasted paragraph is searched by its beginning.
      // Words are parted by spaces (全角 too) or by 、 and commas, as lists are typed.
      q.split(/[\s、，,]+/).forEach(function (w) {
        var f = fold(w), key = f.slice(0, 32).join('');
        if (!f.length || seen[key]) return;
        if (f.length > 32 || words.length === 8) cut = true;
        if (words.length < 8) { seen[key] = 1; words.push(f.slice(0, 32)); }
      });
      // A filter chosen before any word lists its pages; silence would look broken.
      var filtered = Object.keys(filters).some(function (k) { return filters[k]; });
      if (!words.length && (q || !filtered)) {
        current = null;
        results.textContent = '';
        results.removeAttribute('aria-busy');
        document.title = baseTitle;
        status.textContent = q ? '検索できる文字（文字・数字）を入力してください。' :
          submitted === true ? '検索する言葉を入力してください。' : '';
        showNone(false, q);
        return;
      }
      return search(meta, words, filters).then(function (found) {
        if (id !== serial) return;
        counts(meta, found);
        var list = el('ol', 'search-list'), button = el('button', 'search-more');
        button.type = 'button';
        button.addEventListener('click', function () { results.setAttribute('aria-busy', 'true'); more(true); });
        current = { meta: meta, query: q, cut: cut, words: words, hits: found.hits, total: found.hits.length, next: 0, shown: 0,
          list: list, button: button };
        results.textContent = '';
        results.appendChild(list);
        results.appendChild(button);
        return more(false);
      });
    }).catch(function () {
      results.removeAttribute('aria-busy');
      status.textContent = '検索の索引を読み込めませんでした。時間をおいてもう一度お試しください。';
      document.getElementById('search-nojs').hidden = false;
    });
  }
  function buildFilters(meta) {
    var params = new URL(location.href).searchParams, details = el('details', 'search-filter-box');
    var box = el('fieldset', 'search-filter-set');
    details.appendChild(el('summary', '', '条件で絞り込む'));
    box.appendChild(el('legend', 'visually-hidden', '絞り込みの条件'));
    function select(key, label, options) {
      var wrap = el('div', 'search-filter'), id = 'search-f-' + key, lab = el('label', '', label), s = el('select');
      lab.htmlFor = s.id = id;
      s.name = key;
      s.appendChild(el('option', '', 'すべて')).value = '';
      options.forEach(function (o, i) {
        var opt = el('option', '', o[1]);
        opt.value = o[0];
        opt.dataset.i = i;
        s.appendChild(opt);
      });
      s.value = params.get(key) || '';
      s.addEventListener('change', go);
      selects[key] = s;
      wrap.appendChild(lab);
      wrap.appendChild(s);
      box.appendChild(wrap);
    }
    if (!meta.city && meta.cities.length > 1) select('city', root.dataset.municipalities || '市町村', meta.cities);
    if (meta.types.length > 1) select('type', 'ページの種類', meta.types);
    meta.facets.forEach(function (f) { select(f[0], f[1], f[2]); });
    details.appendChild(box);
    // Open on wide screens or when the URL sets a filter; on phones it would push the results down.
    details.open = matchMedia('(min-width: 48rem)').matches || Object.keys(selects).some(function (k) { return selects[k].value; });
    filterBox.appendChild(details);
    filterBox.hidden = false;
  }

  var baseTitle = document.title;
  document.getElementById('search-nojs').hidden = true;
  input.value = new URL(location.href).searchParams.get('q') || '';
  var timer = 0;
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); go(true); refining = false; });
  // Back and Forward show the search of that entry.
  window.addEventListener('popstate', function () {
    var params = new URL(location.href).searchParams;
    input.value = params.get('q') || '';
    Object.keys(selects).forEach(function (k) { selects[k].value = params.get(k) || ''; });
    clearTimeout(timer);
    refining = false;
    go();
  });
  input.addEventListener('input', function (e) {
    if (e.isComposing) return; // wait for the IME to commit the word
    clearTimeout(timer);
    timer = setTimeout(go, 300);
  });
  input.addEventListener('compositionend', function () { clearTimeout(timer); timer = setTimeout(go, 300); });
  metaP.then(buildFilters).then(function () {
    var f = filterValues();
    if (input.value.trim() || Object.keys(f).some(function (k) { return f[k]; })) go();
  }, function () {
    status.textContent = '検索の索引を読み込めませんでした。';
    document.getElementById('search-nojs').hidden = false;
  });
})();

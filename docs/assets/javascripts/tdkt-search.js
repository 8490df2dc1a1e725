// Vietnamese search over the split index written at build time (hooks/thidua/publish/search_index.py).
//
// Nothing here knows Vietnamese: what folds to what arrives in the manifest (`fold`), decided by
// hooks/thidua/publish/search.py for the index and the query alike. A query loads the manifest, the one
// shard file that holds each of its terms, and the fragment (title, address, text) of each result shown:
// a few tens of kilobytes whatever the size of the site. Without JavaScript, the search button in the
// header is a link to the page listing the sections ("tim-kiem/").
"use strict";

(() => {
  const WORD = /[\p{L}\p{N}]+/gu; // a word: letters and digits (Python: [^\W_]+ in search.py)
  const SHOWN = 6; // results shown at once, each fetched with its text ("Xem thêm" shows the next ones)
  const COMPLETIONS = 3; // words the last, unfinished word of a query may stand for
  const DELAY = 120; // ms after a keystroke before searching

  // ------------------------------------------------------------------ folding (the manifest's table)

  let table = {};
  let foldPattern = /(?!)/gu;
  const folded = new Map();

  function setTable(fold) {
    table = fold;
    const chars = Object.keys(fold).map((c) => `\\u{${c.codePointAt(0).toString(16)}}`);
    foldPattern = chars.length ? new RegExp(`[${chars.join("")}]`, "gu") : /(?!)/gu;
    folded.clear();
  }

  // A word without its diacritics, by the manifest's table ("thị" -> "thi", "đua" -> "dua").
  function unmarked(word) {
    return word.replace(foldPattern, (c) => table[c]);
  }

  // A word as the index holds it: folded, lowercase, numbers without leading zeros ("04" -> "4").
  function term(word) {
    let result = folded.get(word);
    if (result === undefined) {
      result = unmarked(word);
      if (/^[0-9]+$/.test(result)) result = result.replace(/^0+(?=.)/, "");
      folded.set(word, result);
    }
    return result;
  }

  // Words of an NFC text with where they are: [{word, start, end}], the word lowercase (search.words).
  function words(text) {
    const out = [];
    for (const match of text.matchAll(WORD))
      out.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
    return out;
  }

  // FNV-1a over UTF-8: the shard a term is in (search_index.bucket in Python).
  const encoder = new TextEncoder();
  function bucket(value, count) {
    let hash = 0x811c9dc5;
    for (const byte of encoder.encode(value)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return hash % count;
  }

  // ------------------------------------------------------------------ loading

  let manifestURL = null;
  let manifest = null;
  const files = new Map();

  function load(path) {
    const url = new URL(path, manifestURL).href;
    if (!files.has(url))
      files.set(url, fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${url}`)))));
    return files.get(url);
  }

  async function ready() {
    if (!manifest) {
      manifest = load(manifestURL.href).then((m) => {
        setTable(m.fold);
        return m;
      });
    }
    return manifest;
  }

  async function entry(m, key) {
    const shard = await load(`${m.dir}/t/${bucket(key, m.shards)}.json`);
    return shard[key] || null;
  }

  async function completions(m, prefix) {
    const key = prefix.slice(0, 2);
    const list = (await load(`${m.dir}/w/${bucket(key, m.prefixes)}.json`))[key] || [];
    return list.filter((w) => w.startsWith(prefix) && w !== prefix).slice(0, COMPLETIONS);
  }

  // Page numbers from a list of gaps ([4, 1, 5] -> 3, 4, 9); with a value each when `step` is 2.
  function* ids(list, step = 1) {
    let doc = -1;
    for (let i = 0; i < list.length; i += step) {
      doc += list[i];
      yield [doc, step === 2 ? list[i + 1] : 0];
    }
  }

  // ------------------------------------------------------------------ ranking

  function idf(n, df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  // The docs holding an entry in their text: an array of weights (0 = absent), NaN-free.
  function bodyWeights(e, n) {
    const weights = new Float32Array(n);
    if (!e) return weights;
    if (e.c) {
      weights.fill(1);
      for (const [doc] of ids(e.c)) weights[doc] = 0;
    } else if (e.p) {
      for (const [doc, w] of ids(e.p, 2)) weights[doc] = w / 15;
    }
    return weights;
  }

  // Where a term is on each page: 2 + the title's length in words if in the title, 1 if in the key facts.
  function places(e, n) {
    const codes = new Uint8Array(n);
    if (e && e.t) for (const [doc, code] of ids(e.t, 2)) codes[doc] = code;
    return codes;
  }

  // Docs that hold the word exactly as typed (its diacritics), for an entry of a single word.
  function exactDocs(e, word, n, present) {
    const docs = new Uint8Array(n);
    if (!e) return docs;
    if (e.f === word) {
      for (let doc = 0; doc < n; doc++) docs[doc] = present[doc];
      if (e.n) for (const [doc] of ids(e.n)) docs[doc] = 0;
    } else if (e.v && e.v[word]) {
      for (const [doc] of ids(e.v[word])) docs[doc] = 1;
    }
    return docs;
  }

  // The query, parsed: its words as typed and as indexed; the last one may be unfinished.
  function parse(query) {
    const typed = words(query.normalize("NFC")).map((w) => w.word);
    const open = typed.length > 0 && /[\p{L}\p{N}]$/u.test(query);
    const terms = typed.map(term);
    const pairs = terms.slice(1).map((t, i) => `${terms[i]} ${t}`); // adjacent words: "30/4" is "30 4"
    return { typed, terms, pairs, open };
  }

  // Pages in order: (1) those with more of the query's words (the last, unfinished one as a prefix), (2)
  // more of the words typed with diacritics spelled exactly so, (3) more of the query's adjacent pairs of
  // words (a phrase, "30/4" as the pair 30 4), (4) its words and pairs in the title rather than the key
  // facts, in the key facts rather than the text, (5) a larger share of the title matched, (6) BM25 over the
  // text, doubled for the pages of the navigation.
  async function rank(query) {
    const m = await ready();
    const n = m.docs;
    const parsed = parse(query);
    const { typed, terms, pairs } = parsed;
    if (!terms.length) return { order: [], missing: () => [] };
    const last = terms.length - 1;
    const extra = growing(parsed) ? await completions(m, terms[last]) : [];
    const [single, double, more] = await Promise.all([
      Promise.all(terms.map((t) => entry(m, t))),
      Promise.all(pairs.map((t) => entry(m, t))),
      Promise.all(extra.map((t) => entry(m, t))),
    ]);
    const matched = new Uint8Array(n);
    const exact = new Uint8Array(n);
    const phrase = new Uint8Array(n);
    const field = new Uint16Array(n);
    const share = new Float32Array(n);
    const score = new Float32Array(n);
    const found = new Map(); // term -> Uint8Array: the pages that have it

    // One unit of the query (a word and what it may stand for, or a pair): who has it, and where.
    function count(group) {
      const present = new Uint8Array(n);
      const best = new Uint8Array(n);
      for (const [e, factor] of group) {
        if (!e) continue;
        const weights = bodyWeights(e, n);
        const codes = places(e, n);
        const w = idf(n, e.d) * factor;
        for (let doc = 0; doc < n; doc++) {
          if (!weights[doc] && !codes[doc]) continue;
          present[doc] = 1;
          score[doc] += w * weights[doc];
          const place = codes[doc] >= 2 ? 2 : codes[doc];
          if (place > best[doc]) best[doc] = place;
          if (codes[doc] >= 2 && factor === 1) share[doc] += 1 / (codes[doc] - 2);
        }
      }
      for (let doc = 0; doc < n; doc++) field[doc] += best[doc];
      return present;
    }

    terms.forEach((t, i) => {
      if (found.has(t)) return; // a word typed twice counts once
      const group = [[single[i], 1]];
      if (i === last) for (const e of more) group.push([e, 0.5]); // "thuo" stands for "thuong", "thuoc"
      const present = count(group);
      found.set(t, present);
      for (let doc = 0; doc < n; doc++) matched[doc] += present[doc];
      if (typed[i] !== t) {
        const docs = exactDocs(single[i], typed[i], n, present);
        for (let doc = 0; doc < n; doc++) exact[doc] += docs[doc];
      }
    });
    new Set(pairs).forEach((pair) => {
      const present = count([[double[pairs.indexOf(pair)], 1]]);
      for (let doc = 0; doc < n; doc++) phrase[doc] += present[doc];
    });
    for (const doc of m.nav) score[doc] *= 2;
    const order = [];
    for (let doc = 0; doc < n; doc++) if (matched[doc]) order.push(doc);
    order.sort(
      (a, b) =>
        matched[b] - matched[a] ||
        exact[b] - exact[a] ||
        phrase[b] - phrase[a] ||
        field[b] - field[a] ||
        share[b] - share[a] ||
        score[b] - score[a] ||
        a - b,
    );
    const missing = (doc) => [...new Set(typed.filter((_, i) => !found.get(terms[i])[doc]))];
    return { order, missing };
  }

  // ------------------------------------------------------------------ showing

  // May the last word stand for longer ones? Not a single letter, nor a number ("4" is not "48").
  function growing(parsed) {
    const t = parsed.terms[parsed.terms.length - 1];
    return parsed.open && t.length >= 2 && !/^[0-9]+$/.test(t) ? t : null;
  }

  // Does a word carry diacritics (or "đ")? "thi" no, "thị" yes.
  function hasMarks(word) {
    return unmarked(word) !== word;
  }

  // How a word of `text` matches the query: 0 not, 1 folded (or as a prefix of the last word), 2 as typed.
  // Of the spellings a query word folds together on this text, those shown are: the one typed, when it
  // was typed with diacritics and the text has it ("đua", not "đưa"); else the ones that stand in the
  // query's phrase, when some do ("thi" of "thi đua", not the "Thị" of a name); else all of them.
  function matcher(parsed, text) {
    const whole = new Map(); // term -> the spellings typed for it ("tiên", "tiến": both "tien")
    parsed.terms.forEach((t, i) => whole.set(t, new Set([...(whole.get(t) || []), parsed.typed[i]])));
    const pairs = new Set(parsed.pairs);
    const prefix = growing(parsed);
    const list = words(text).map((w) => w.word);
    const keys = list.map(term);
    const forms = new Map(); // term -> Map(spelling -> whether it stands in a pair of the query)
    keys.forEach((t, i) => {
      if (!whole.has(t)) return;
      const inPhrase = (i > 0 && pairs.has(`${keys[i - 1]} ${t}`)) || pairs.has(`${t} ${keys[i + 1]}`);
      if (!forms.has(t)) forms.set(t, new Map());
      const spellings = forms.get(t);
      spellings.set(list[i], spellings.get(list[i]) || inPhrase);
    });
    const shown = new Set();
    for (const [t, spellings] of forms) {
      const typed = [...whole.get(t)].filter((f) => hasMarks(f) && spellings.has(f));
      let chosen = [...spellings.keys()];
      if (typed.length) chosen = typed;
      else if (chosen.some((f) => spellings.get(f))) chosen = chosen.filter((f) => spellings.get(f));
      chosen.forEach((f) => shown.add(f));
    }
    return (word) => {
      const t = term(word);
      if (whole.has(t)) return shown.has(word) ? (whole.get(t).has(word) ? 2 : 1) : 0;
      return prefix !== null && t.startsWith(prefix) ? 1 : 0;
    };
  }

  // Text as DOM nodes with the matched words in <mark>, in their own letters.
  function marked(text, match) {
    const fragment = document.createDocumentFragment();
    const source = text; // NFC: the index's text is, and so is the page's
    let at = 0;
    for (const { word, start, end } of words(source)) {
      if (!match(word)) continue;
      if (start > at) fragment.append(source.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = source.slice(start, end);
      fragment.append(mark);
      at = end;
    }
    if (at < source.length) fragment.append(source.slice(at));
    return fragment;
  }

  // About 30 words of the text where most of the query's words meet (words as typed count more).
  function excerpt(text, match) {
    const list = words(text);
    if (!list.length) return "";
    const SPAN = 30;
    const kinds = list.map((w) => match(w.word));
    const keys = list.map((w, i) => (kinds[i] ? term(w.word) : null));
    let best = 0;
    let bestScore = -1;
    for (let from = 0; from < list.length; from++) {
      if (from > 0 && !kinds[from]) continue; // windows start at a match (or at the beginning)
      const distinct = new Set();
      let weight = 0;
      for (let i = from; i < Math.min(list.length, from + SPAN); i++)
        if (kinds[i]) {
          distinct.add(keys[i]);
          weight += kinds[i];
        }
      const score = distinct.size * 100 + weight;
      if (score > bestScore) {
        bestScore = score;
        best = from;
      }
    }
    const from = best > 3 ? list[best - 3].start : 0; // a few words of context before the first match
    const to = list[Math.min(list.length - 1, best + SPAN)].end;
    return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
  }

  // ------------------------------------------------------------------ the dialog

  function setup() {
    const dialog = document.querySelector("dialog[data-tdkt-search]");
    const opener = document.querySelector("[data-tdkt-search-open]");
    if (!dialog || !opener) return;
    manifestURL = new URL(dialog.dataset.tdktSearch, document.baseURI);
    const input = dialog.querySelector("input[type=search]");
    const list = dialog.querySelector(".tdkt-search__results");
    const status = dialog.querySelector(".tdkt-search__status");
    const more = dialog.querySelector(".tdkt-search__more");
    const form = dialog.querySelector("form");
    const siteRoot = new URL("../", manifestURL);
    let current = null; // {query, ranked, shown}
    let timer = 0;
    let serial = 0;
    let dir = ""; // the manifest's folder of shards and fragments

    function open(event) {
      if (event) event.preventDefault();
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      ready().catch(() => {});
    }

    function link(fragment, match) {
      const url = new URL(fragment.u, siteRoot);
      const shown = words(`${fragment.t} ${fragment.x}`).map((w) => w.word);
      const highlight = [...new Set(shown.filter(match))];
      if (highlight.length) url.searchParams.set("h", highlight.slice(0, 8).join(" "));
      return url.href;
    }

    async function showMore() {
      const { ranked, parsed } = current;
      const start = current.shown;
      const docs = ranked.order.slice(start, start + SHOWN);
      const mine = current;
      const fragments = await Promise.all(docs.map((doc) => load(`${dir}/d/${doc}.json`)));
      if (mine !== current) return;
      docs.forEach((doc, i) => {
        const fragment = fragments[i];
        const match = matcher(parsed, `${fragment.t} ${fragment.x}`);
        const item = document.createElement("li");
        const a = document.createElement("a");
        a.href = link(fragment, match);
        const heading = document.createElement("span");
        heading.className = "tdkt-search__title";
        heading.append(marked(fragment.t, match));
        const text = document.createElement("span");
        text.className = "tdkt-search__text";
        text.append(marked(excerpt(fragment.x, match), match));
        a.append(heading, text);
        const missing = ranked.missing(doc);
        if (missing.length) {
          const note = document.createElement("span");
          note.className = "tdkt-search__missing";
          note.append("Không có: ");
          missing.forEach((word, j) => {
            const del = document.createElement("del");
            del.textContent = word;
            note.append(...(j ? [", ", del] : [del]));
          });
          a.append(note);
        }
        item.append(a);
        list.append(item);
      });
      current.shown = start + docs.length;
      more.hidden = current.shown >= ranked.order.length;
      list.dataset.query = current.query;
    }

    async function search(query) {
      const mine = ++serial;
      if (!query.trim()) {
        current = null;
        list.replaceChildren();
        status.textContent = "";
        more.hidden = true;
        delete list.dataset.query;
        return;
      }
      let ranked;
      try {
        const m = await ready();
        dir = m.dir;
        ranked = await rank(query);
      } catch (error) {
        if (mine === serial) status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử lại.";
        return;
      }
      if (mine !== serial) return;
      current = { query, ranked, parsed: parse(query), shown: 0 };
      list.replaceChildren();
      const count = ranked.order.length;
      status.textContent = count ? `${count.toLocaleString("vi-VN")} kết quả` : "Không tìm thấy trang nào.";
      await showMore();
    }

    function results() {
      return [...list.querySelectorAll("a")];
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => search(input.value), DELAY);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const first = results()[0];
      if (first) first.click();
    });
    dialog.addEventListener("keydown", (event) => {
      const items = results();
      const at = items.indexOf(document.activeElement);
      if (event.key === "Escape") {
        event.preventDefault(); // in a search box, Chromium's first Escape would only clear the words
        dialog.close();
      } else if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        items[Math.min(items.length - 1, at + 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : items[at - 1]).focus();
      }
    });
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
    });
    more.addEventListener("click", () => current && showMore());
    dialog.querySelector("[data-tdkt-search-close]").addEventListener("click", () => dialog.close());
    opener.addEventListener("click", open);
    document.addEventListener("keydown", (event) => {
      if (event.key !== "/" || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      open(event);
    });
    const params = new URLSearchParams(location.search);
    if (document.querySelector("[data-tdkt-search-page]")) {
      open();
      if (params.get("q")) {
        input.value = params.get("q");
        search(input.value);
      }
    }
  }

  // ------------------------------------------------------------------ the page opened from a result

  // The words of "h" are the spellings the result showed, taken from this page's text: matched as
  // written (lowercase), so that "thi" does not light up the "Thị" of a name. No index file is needed.
  function highlightPage() {
    const wanted = new URLSearchParams(location.search).get("h");
    const article = document.querySelector("article");
    if (!wanted || !article) return;
    const targets = new Set(words(wanted.normalize("NFC")).map((w) => w.word));
    const match = (word) => targets.has(word);
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      if (node.parentElement.closest("mark, script, style, .headerlink")) continue;
      const text = node.data.normalize("NFC");
      if (!words(text).some((w) => match(w.word))) continue;
      const fragment = marked(text, match);
      fragment.querySelectorAll("mark").forEach((mark) => mark.setAttribute("data-tdkt-highlight", ""));
      node.replaceWith(fragment);
    }
  }

  // For the tests (tests/test_search_browser.py), which check the browser's words, terms and shards
  // against Python's (thidua.publish.search), and for reading a ranking from the console.
  window.tdktSearch = {
    terms: async (text) => (await ready(), words(text.normalize("NFC")).map((w) => term(w.word))),
    bucket,
    table: () => table,
  };

  const start = () => {
    setup();
    highlightPage();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/*
 * Vietnamese search: Material for MkDocs' own search worker, unmodified, with diacritics folded on both
 * sides, so that "dien hinh" finds "điển hình" and "thi dua" finds "thi đua".
 *
 * overrides/main.html makes the page start this file instead of Material's worker and passes the name of
 * Material's worker file as ?material=search.<hash>.min.js. What folds to what is decided at build time
 * (hooks/thidua/search.py) and arrives in the index config as `fold`; this file knows no Vietnamese.
 *
 * - Indexed words are folded in lunr's pipeline, after Material's tokenizer has recorded where each word
 *   is: results show the text with its diacritics, and the highlight marks the original word.
 * - Query words are folded too. Only the last word (the one being typed) matches as a prefix, and a whole
 *   word match of it counts more, so "thi" does not rank "thiệu" first. Material makes every word a prefix.
 * - A reader who types diacritics means them: pages with the words exactly as typed come first.
 * - Result links carry the marked words (?h=điển+hình), so Material highlights them on the page opened.
 */
"use strict"

;(() => {
  const SETUP = 0, QUERY = 2, RESULT = 3  // Material's SearchMessageType
  const WHOLE_WORD = 10                   // boost of a whole word match of the word being typed

  let table = {}            // character -> folded form
  let pattern = /(?!)/gu    // any character of the table
  let typed = []            // the query's words, lowercase, as the reader typed them
  const folded = new Map()  // word -> folded word: a site has far fewer distinct words than words

  const fold = value => {
    let result = folded.get(value)
    if (result === undefined)
      folded.set(value, result = value.normalize("NFC").replace(pattern, char => table[char]))
    return result
  }

  /* Read the table and the query before Material's handler sees the message */
  addEventListener("message", ({ data: message }) => {
    if (message.type === SETUP) {
      table = message.data.config.fold || {}
      const chars = Object.keys(table).map(char => `\\u{${char.codePointAt(0).toString(16)}}`)
      pattern = chars.length ? new RegExp(`[${chars.join("")}]`, "gu") : /(?!)/gu
      folded.clear()
    } else if (message.type === QUERY) {
      typed = message.data.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
    }
  })

  /* Post-process results before the page gets them */
  const post = self.postMessage.bind(self)
  self.postMessage = message => post(message.type === RESULT ? annotate(message) : message)

  const material = new URL(self.location.href).searchParams.get("material") || ""
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material))
    throw new Error(`tdkt-search: unexpected Material worker "${material}"`)
  importScripts(material)
  const { lunr } = self

  /* Fold every word the index and the query pipeline see */
  const run = lunr.Pipeline.prototype.run
  lunr.Pipeline.prototype.run = function (tokens) {
    return run.call(this, tokens)
      .map(token => token.update(fold))
      .filter(token => token.toString().length)
  }

  /* Fold query words (Material's trailing wildcards make lunr skip the pipeline); prefix only the last */
  const parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this)
    const clauses = query.clauses
    query.clauses = []
    clauses.forEach((spec, i) => {
      const prefix = i === clauses.length - 1 && spec.term.endsWith("*") &&
        spec.presence !== lunr.Query.presence.PROHIBITED
      const term = fold(spec.term.replace(/\*+$/, ""))
      query.clause({ ...spec, term: prefix ? `${term}*` : term, usePipeline: !prefix })
      if (prefix)
        query.clause({
          ...spec, term, boost: spec.boost * WHOLE_WORD,
          presence: lunr.Query.presence.OPTIONAL, usePipeline: true
        })
    })
    return query
  }

  /* The words a result shows marked, lowercase */
  function marked(item) {
    const words = new Set()
    for (const field of [item.title, item.text])
      for (const [, word] of String(field || "").matchAll(/<mark>([^<]*)<\/mark>/g))
        words.add(word.toLowerCase())
    return [...words]
  }

  /* Material puts a result's matched query terms into its link (?h=...) and lists the missing ones; both
     are folded here, so replace them with the marked words and the words as typed. If the reader typed
     diacritics, rank pages by how many typed words they contain exactly, then by Material's score. */
  function annotate(message) {
    const exact = typed.some(word => fold(word) !== word)
    const top = Math.max(0, ...message.data.items.flat().map(item => item.score))
    const ranked = message.data.items.map((group, order) => {
      let rank = 0
      for (const item of group) {
        const words = marked(item)
        const terms = {}
        for (const [term, found] of Object.entries(item.terms || {})) {
          const shown = found ? words.filter(word => fold(word).startsWith(term)) : []
          if (!shown.length)
            terms[typed.find(word => fold(word) === term) || term] = found
          for (const word of shown)
            terms[word] = true
        }
        item.terms = terms
        if (exact) {
          const hits = typed.filter(t => words.some(word => word.startsWith(t))).length
          item.score += hits * top  // scores, not only order: Material's Enter key opens the best one
          rank = Math.max(rank, hits)
        }
      }
      group.sort((a, b) => b.score - a.score)  // Material shows the best sections of a page, others folded
      return { group, order, rank }
    })
    ranked.sort((a, b) => b.rank - a.rank || a.order - b.order)
    message.data.items = ranked.map(({ group }) => group)
    return message
  }
})()

// Package search builds the static search index of a site: every
// publishable record (penalty decisions after disclose, power items, service
// items, Markdown pages) becomes a Doc, and Build writes files that
// themes/default/static/js/search.js queries in the browser. There is no
// server, no WebAssembly and no eval.
//
// # Matching
//
// Normalize folds text and queries the same way: NFKC (full-width to
// half-width), lower case, every character through the fold table (below),
// a bracketed year of a decision number in any
// style ((2025), （2025）, [2025], 【2025】, 〔2025〕, with or without 第
// and leading zeros) to 〔2025〕N, and every other non-letter, non-digit to
// a single space. A query's parts are its space-separated normalised words;
// a record matches when its SearchText (normalised title + " " + body)
// contains every part (AND) as a substring, a part counting as found when
// any of its synonym rewrites is. That is exact, with no word dictionary:
// CJK, Latin and digits alike are indexed as overlapping character bigrams
// (with positions) and single characters (for one-character parts).
//
//   - a 1- or 2-character part: the posting list of that term is the answer;
//   - the only part of a query, of 8 or more characters, that equals an
//     identifier: the identifier's term may list the docs that contain it
//     (see "=" and "+" terms below), so a full decision number or credit
//     code costs one shard;
//   - a longer part: the intersection of all its bigrams' postings gives
//     candidates, verified either from the docs' text in their chunk files
//     or from the positions of a cover of bigrams (offsets 0, 2, 4, …, n-2,
//     which fix every character), whichever downloads fewer bytes. So
//     运输证 never matches 运输 and 证 apart, and G75 inside a credit code
//     is found.
//
// # Folding
//
// The fold table maps a character to the one it is indexed and searched
// as, one character for one: OpenCC's traditional → simplified characters
// (opencc/TSCharacters.txt, Apache-2.0), taking the first candidate and
// leaving out every character listed among its own candidates (乾, 於, 瞭:
// they are simplified characters too), then a short list of variants
// people type for one another (砂 → 沙, 帐 → 账, 惟 → 唯, 黏 → 粘, 硷 → 碱),
// chains followed to their end. So 違法建設 finds 违法建设 and 沙石 finds
// 砂石, and the index holds only folded text.
//
// # Synonyms
//
// A synonym table (the theme's data/synonyms.toml plus site.toml's
// [search] synonyms, normalised) maps a word to the words it also finds,
// one way. A part is searched as itself and, for each table word it
// contains (table order), with the word's first occurrence replaced by
// each synonym: 低保申请 also as 最低生活保障申请. Rewrites are kept
// without repeats, at most 4 forms per part (each form costs about what a
// query of its own does); the part matches a record when any form does,
// and counts as a title hit when any form is in the title. Results
// highlight every form.
//
// # Ranking
//
// Records whose identifier (decision number, credit code, other codes,
// item code; compared after Identifier) equals the query come first; then
// records where the parts of a multi-part query stand together in order;
// then the number of parts matched in the title; then recency (doc numbers
// are assigned newest first). Since matching is exact, every result covers
// every query bigram, so coverage itself does not rank. With sort=new the
// results are in doc number order alone, newest first.
//
// # Files (below /search/index/)
//
// meta.json (stable URL, revalidated) holds "fold", the fold table's
// pairs (source, target, source, target … characters, sorted by source)
// whose target occurs in the index's normalised text or in "syn": a part
// holding any other folded character matches nothing whether folded or
// not, so the script needs no more; and "syn", the synonym table as lists
// of normalised words, the word first, then its synonyms sorted, the lists
// sorted by word. It names a directory, the first 16 hex
// digits of a SHA-256 over all other files, so everything else is
// content-addressed and cacheable forever. A client holding an old meta
// gets 404s and reloads it. All integers are unsigned LEB128 varints.
//
//   - sK.bin, a postings shard: the terms whose FNV-1a 32-bit hash of UTF-8,
//     masked by shards-1 (a power of two), is K. Header: term count; per term
//     (sorted): name length, name, doc count, title-doc count, docs bytes,
//     title bytes, positions bytes<<1 | separate. Then each term's docs list
//     and title list. A list is a mode byte then either delta varints
//     (mode 0) or a bitmap (mode 1: first id, then bits, LSB first),
//     whichever is smaller. Identifier terms are "=" + identifier (after
//     Identifier), listing the docs with that identifier; for one of 8 or
//     more characters the build also finds every doc whose search text
//     contains it: when those are exactly the term's docs and none has it
//     in the title, the term's "separate" bit is set (its positions are
//     empty) and the term answers a query equal to the identifier;
//     otherwise a term "+" + identifier lists those docs and title docs.
//     A "+" term lives in the shard of its "=" term (ShardOf is taken of
//     the name with "+" replaced by "="), which a one-part query fetches
//     for ranking anyway.
//   - qK.bin holds the positions of shard K's bigrams in header order;
//     a term whose positions exceed Options.SeparatePos has its own file
//     qK-I.bin (I: the term's index in the shard). Per doc of the term's
//     list: count, then delta positions; title characters are at 0…, body
//     characters at BodyOffset….
//   - cN.json, doc chunk N: docs N×chunk … as JSON objects {k type, u URL
//     (site-relative), t title, s decision number or code, d date,
//     a authority, b body}: what a result shows, and the text that verifies
//     a candidate (docs whose text is truncated are listed in meta "long").
//   - facets.bin: one column per facet of meta "facets" (type, year, cat,
//     amount, domain, pcat, and site when a doc names its site, as a
//     county's index does: its towns, in the order they first appear),
//     each mode 0 (a byte per doc), 2 (two bytes
//     little-endian), 1 (run-length: runs, then value/length pairs) or 3
//     (bit-packed: a width byte w < 8, then w bits per doc, least
//     significant bit first, padded to a byte). Values are 0 (none) or
//     index+1; for cat, an index+1 into the facet's "sets" of categories.
//     Facet counts are computed in the browser for the current query, each
//     facet counted under the other facets' filters.
//
// The page's URL holds the whole state (/search/?q=烧烤&year=2025&type=case
// &cat=罚款&amount=1000-10000&domain=…&pcat=…&sort=new&page=2), so every view is a
// permalink; typing replaces the history entry, filters and pages push one.
//
// Searcher runs the same algorithm in Go over the same files; the tests
// check it against a brute-force substring scan and check search.js against
// it in Chromium.
package search

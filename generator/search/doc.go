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
// then the number of parts matched in the title; then recency: the day
// column (days.bin, below), newest first, then the doc number. Since matching is
// exact, every result covers every query bigram, so coverage itself does
// not rank. With sort=new the results are in recency order alone.
//
// # Doc numbers
//
// A doc's number is stable: a build that extends the previous index gives
// every doc it already holds (the same Doc, every field, hashed) the same
// number, and new docs the numbers after the last one. A withdrawn or
// expired doc's number dies; a changed doc is a dead number and a new
// doc. Numbers are dealt afresh from 0 only when the index is compacted.
// Both a compacted index and an extending build's new docs are numbered
// in order of Doc.End, the last day of publication (no end last), then in
// index order: a month's expiries are then a few runs of adjacent
// numbers, which share few chunk files. Nothing outside one index version
// refers to a number (URLs hold queries and filters, never numbers).
//
// # Segments, tombstones and compaction
//
// The index is a list of segments: each covers a range of numbers, lo …
// lo+n-1, and the ranges tile 0 … docs-1 in order. A segment is a folder
// named by a hash of the files it was built with; its postings, positions,
// facet table and state never change, so an extending build writes the
// folder of its new docs, the chunk files it rewrites (below), the
// tombstones and meta.json, and every other file keeps its bytes and its
// name. A client queries every segment and drops the tombstoned numbers
// before it reads a chunk.
//
// A dead number of a kept segment is a tombstone: it is listed in the
// tombstone file, its postings and positions stay until the segment is
// merged or the index compacted (they hold numbers, positions and bigram
// terms, in binary files), and its text leaves the JSON: every chunk that
// holds a number that died in this build is rewritten with null for each
// dead number, as a new file cC-H.json (H: 16 hex digits of a SHA-256 of
// it) named in the segment's "re", and a chunk none of whose numbers is
// live has no file at all (a client never reads it: it reads chunks only
// for live candidates and results). So no published JSON file holds the
// text of a withdrawn or expired doc (the leak gate reads every JSON file
// of the output), and a month whose expiries are adjacent numbers
// rewrites only the chunks at the ends of their runs and those of the few
// withdrawn docs. The postings of a withdrawn or expired doc are what the
// site published while the doc was live. A doc whose URL is still
// published with other text (a corrected record, or one in which a name
// came to be masked) is different: its earlier postings hold text the
// site has since taken back, so it compacts the index (below).
//
// An extending build appends one segment of the new docs, then merges
// segments by size tiers: a segment of n numbers is in tier
// ⌊log₄(n/1024)⌋ (tier 0 below 4096), and whenever the newest four
// segments after the first share a tier they are rewritten as one
// segment (which may again make four of the next tier). The merged
// segment keeps every number of its range: a number whose doc is dead is
// a hole (no terms, a null chunk entry, no facet values) and leaves the
// tombstones. The first segment is never merged. The index is compacted
// (one segment of the live docs, numbered afresh, byte-identical to a
// build from scratch) when:
//
//   - gongshi build --compact asks for it (Options.Compact);
//   - there is no usable previous index: none, another version, another
//     program (meta "salt"), another chunk size, segments that do not tile
//     the numbers, a state or tombstone file that does not match its
//     hash or does not parse, or a kept segment without one of its
//     shards, facet table, state or the chunks of its live numbers;
//   - the previous index's segments have another number of facets than
//     the docs make (a site facet in one and not the other);
//   - a doc of a kept segment died and its URL is published with other
//     text (a changed doc);
//   - more than a fifth of the numbers have no live doc (tombstones and
//     holes): a town whose publication windows end at about 1.6% of its
//     decisions a month compacts about once a year;
//   - the first segment holds less than half the numbers;
//   - tiering leaves more than 8 segments.
//
// So a query reads at most 8 segments, the small ones from shards sized
// to them (below), and a month of a town's decisions (a tier-0 segment)
// rewrites, besides its own folder and a few chunks, three months'
// segments once in four months, and so on up the tiers.
//
// # Files (below /search/index/)
//
// meta.json (stable URL, revalidated) holds "v", the format version (6):
// search.js reads only its own version, reloads the page once when meta
// holds another, and refuses to search after that. It holds "docs", the
// count of numbers; "chunk", docs per chunk; "bodyAt", BodyOffset; "segs",
// the segments in order, each {dir (the folder: 16 hex digits of a SHA-256
// over the folder's file names and contents, and "/"), lo, n, shards,
// chunkBytes (the average size of its chunk files), long (the docs whose
// text in their chunk is truncated), fmap (below, when not the identity),
// state (16 hex digits of a SHA-256 of its state.bin), re (when a chunk
// was rewritten: chunk index → H of its file cC-H.json)}; "dead", the name
// of the tombstone file, when any number is dead; "facets", the filters
// over the live docs; "fold", the fold table's pairs (source, target,
// source, target … characters, sorted by source) whose target occurs in
// the text of a segment or in "syn": a part holding any other folded
// character matches nothing whether folded or not, so the script needs no
// more; "syn", the synonym table as lists of normalised words, the word
// first, then its synonyms sorted, the lists sorted by word; and "salt",
// the program that built it. A client holding an old meta gets 404s for
// files a compaction or a rewritten chunk removed and reloads meta. All
// integers are unsigned LEB128 varints; doc numbers in every file are the
// global numbers.
//
//   - dead-H.bin, the tombstones (H: 16 hex digits of a SHA-256 of the
//     file): a count, then the dead numbers as a list (below), ascending.
//
// In a segment's folder:
//
//   - sK.bin, a postings shard: the terms whose FNV-1a 32-bit hash of UTF-8,
//     masked by shards-1 (a power of two), is K. The segment's shard count
//     is the smallest power of two whose shards average at most a target
//     size: Options.ShardBytes for the first segment, the same scaled by the
//     segment's share of the numbers (at least an eighth of it) for the
//     others. Header: term count; per term
//     (sorted): name length, name, doc count, title-doc count, docs bytes,
//     title bytes, positions bytes<<1 | separate. Then each term's docs list
//     and title list. A list is a mode byte then either delta varints
//     (mode 0) or a bitmap (mode 1: first id, then bits, LSB first),
//     whichever is smaller. Identifier terms are "=" + identifier (after
//     Identifier), listing the docs with that identifier; for one of 8 or
//     more characters the build also finds every doc of the segment whose
//     search text contains it: when those are exactly the term's docs and
//     none has it in the title, the term's "separate" bit is set (its
//     positions are empty) and the term answers, for the segment, a query
//     equal to the identifier; otherwise a term "+" + identifier lists those
//     docs and title docs. A "+" term lives in the shard of its "=" term
//     (ShardOf is taken of the name with "+" replaced by "="), which a
//     one-part query fetches for ranking anyway.
//   - qK.bin holds the positions of shard K's bigrams in header order;
//     a term whose positions exceed Options.SeparatePos has its own file
//     qK-I.bin (I: the term's index in the shard). Per doc of the term's
//     list: count, then delta positions; title characters are at 0…, body
//     characters at BodyOffset….
//   - cN.json, doc chunk N: the segment's docs lo+N×chunk … as JSON objects
//     {k type, u URL (site-relative), t title, s decision number or code,
//     d date, a authority, b body, w the site, when the doc names one (a
//     county's town)}, null for a hole: what a result shows,
//     and the text that verifies a candidate. Once a doc of it dies, the
//     chunk is cN-H.json (re above), null for every dead number; a chunk
//     without a live number has no file.
//   - facets.bin: one column per facet of meta "facets" (type, year, cat,
//     amount, domain, pcat, and site when a doc names its site, as a
//     county's index does: its towns, in the order of their first doc),
//     each over the segment's n numbers and each
//     mode 0 (a byte per doc), 2 (two bytes
//     little-endian), 1 (run-length: runs, then value/length pairs) or 3
//     (bit-packed: a width byte w < 8, then w bits per doc, least
//     significant bit first, padded to a byte). A facet value is 0 (none)
//     or index+1 into the segment's own values (for cat, index+1 into its
//     own sets of categories), which the segment's fmap row maps to meta's:
//     fmap[facet][stored value] is the value in meta "facets" (0 when meta
//     lacks it, which only a dead doc can hold). Facet counts are
//     computed in the browser for the current query, each facet counted
//     under the other facets' filters.
//   - days.bin: the day column, one column as in facets.bin, over the
//     segment's n numbers: 0 (undated, or a hole) or the days from
//     1970-01-01 to the doc's date, plus 1. It is apart from the facet
//     table because ranking needs it and the counts do not: a query
//     without a filter reads the postings, days.bin and the chunks of the
//     page it shows, shows its results, and then reads the facet table
//     for the counts (at 100k decisions the facet table is 80 KB, the
//     day column 14 KB). A query with a filter reads the facet table first.
//   - state.bin, which no client reads: what an extending build needs of
//     the segment, checked against meta's "state" hash: a varint length,
//     that many bytes of JSON {lo, n, facets (per facet, the V of the
//     segment's own values), sets (its category sets), fold (the fold pairs
//     its text needs)}, then 8 bytes per number, the first of a SHA-256 of
//     every field of the Doc (including End), zeros for a hole (a
//     tombstoned number keeps its key). It is binary so that the
//     leak gate, which reads the index's JSON, never reads hash bytes as an
//     ID or phone number. The build reads the previous index from the
//     previous output's /search/index/, which is what clients hold.
//
// The page's URL holds the whole state (/search/?q=烧烤&year=2025&type=case
// &cat=罚款&amount=1000-10000&domain=…&pcat=…&sort=new&page=2), so every view is a
// permalink; typing replaces the history entry, filters and pages push one.
//
// Searcher runs the same algorithm in Go over the same files; the tests
// check it against a brute-force substring scan and check search.js against
// it in Chromium.
package search

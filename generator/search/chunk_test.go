package search

import (
	"encoding/json"
	"testing"
)

// TestChunkJSONMatchesMarshal: a chunk written by hand is the bytes
// json.Marshal gives for the same docs, with empty fields left out and
// every string escaped alike.
func TestChunkJSONMatchesMarshal(t *testing.T) {
	tricky := []string{"", "罚款<2000>元 & \"没收\"", "\u2028", "\xff", "back\\slash\n", "😀"}
	var docs []chunkDoc
	for i := range 40 {
		s := func(k int) string { return tricky[(i+k)%len(tricky)] }
		docs = append(docs, chunkDoc{K: "case", U: "/cases/" + s(0) + "/", T: s(1), S: s(2), D: s(3), A: s(4), B: s(5), W: s(1)})
	}
	for n := 1; n <= len(docs); n += 3 {
		want, err := json.Marshal(docs[:n])
		if err != nil {
			t.Fatal(err)
		}
		got := []byte{'['}
		for i := range docs[:n] {
			if i > 0 {
				got = append(got, ',')
			}
			got = docs[i].appendJSON(got)
		}
		got = append(got, ']')
		if string(got) != string(want) {
			t.Fatalf("%d docs:\n got %s\nwant %s", n, got, want)
		}
	}
}

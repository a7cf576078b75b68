package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

var tricky = []string{
	"", "plain", "罚款2000元", `<script>alert("x")</script>`, "a&b", "a>b", "\u2028\u2029", "x\u2028y",
	"\xff", "a\xc3", "\xe2\x80", "\xed\xa0\x80", "\ufffd", "\x00\x01\x1f\x7f", "\b\f\n\r\t", `back\slash "quote"`,
	"😀", "\U0010FFFF", "'single'", "/path/",
}

// FuzzAppend holds Append to json.Marshal, which escapes HTML.
func FuzzAppend(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); !bytes.Equal(got, want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
	})
}

package disclose

import "strings"

// interner gives one copy of each distinct string, held apart from the
// exported row it came from: a value kept of every decision (its type of
// violation, its procedure, its categories) then keeps no row alive, and
// repeated values share their bytes. It is not safe for concurrent use.
type interner struct {
	strs  map[string]string
	lists map[string][]string
}

func newInterner() *interner {
	return &interner{strs: map[string]string{}, lists: map[string][]string{}}
}

// str returns s's one copy.
func (in *interner) str(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := in.strs[s]; ok {
		return c
	}
	c := strings.Clone(s)
	in.strs[c] = c
	return c
}

// list returns one shared copy of the list l, with its strings interned.
// Callers must not change the list.
func (in *interner) list(l []string) []string {
	if len(l) == 0 {
		return l
	}
	key := l[0]
	if len(l) > 1 {
		key = strings.Join(l, "\x00")
	}
	if c, ok := in.lists[key]; ok {
		return c
	}
	c := make([]string, len(l))
	for i, s := range l {
		c[i] = in.str(s)
	}
	in.lists[strings.Clone(key)] = c
	return c
}

// detach returns w with its strings copied out of the exported row.
func (w Withdrawn) detach() Withdrawn {
	w.DecisionNo = strings.Clone(w.DecisionNo)
	w.Authority = strings.Clone(w.Authority)
	w.Reason = strings.Clone(w.Reason)
	return w
}

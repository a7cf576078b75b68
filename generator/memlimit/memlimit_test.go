package memlimit

import (
	"runtime/debug"
	"testing"
	"time"
)

func TestNextFollowsTheLiveHeapUpOnly(t *testing.T) {
	f := &floater{limit: 100, headroom: 1.5}
	for _, c := range []struct {
		live, want int64
		changed    bool
	}{
		{10, 100, false},  // below the floor
		{66, 100, false},  // 99 with its headroom
		{100, 150, true},  // above it
		{80, 150, false},  // the live heap shrank: the limit stays
		{200, 300, true},  // and rises again
		{200, 300, false}, // unchanged
	} {
		got, changed := f.next(c.live)
		if got != c.want || changed != c.changed {
			t.Errorf("live %d: got %d, %v; want %d, %v", c.live, got, changed, c.want, c.changed)
		}
	}
}

func TestFloatSetsTheFloorAndStops(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	const floor = 1 << 40 // above any live heap of a test
	stop := Float(floor, 1.5, time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	stop()
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Errorf("limit %d, want the floor %d", got, floor)
	}
}

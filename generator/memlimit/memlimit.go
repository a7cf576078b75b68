// Package memlimit keeps the Go runtime's soft memory limit above the live
// heap. A fixed limit keeps a small build's heap from doubling, but one
// below the live heap of a large build makes the collector run back to
// back, up to half the CPU, without lowering the peak: at 1M decisions
// (BenchmarkBuildSample/cases=1000000, a live heap of 1 to 2 GB) a fixed
// 768 MiB limit spent 45% of the build's CPU in the collector.
package memlimit

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Float sets the soft memory limit to floor, then raises it, every period,
// to headroom times the live heap whenever that is more: the limit follows
// the live heap up and never comes down. The returned func stops it.
func Float(floor int64, headroom float64, period time.Duration) (stop func()) {
	f := &floater{limit: floor, headroom: headroom}
	debug.SetMemoryLimit(floor)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(period)
		defer t.Stop()
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			select {
			case <-done:
				return
			case <-t.C:
				metrics.Read(s)
				if l, ok := f.next(int64(s[0].Value.Uint64())); ok {
					debug.SetMemoryLimit(l)
				}
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// floater is Float's state: the limit set last.
type floater struct {
	limit    int64
	headroom float64
}

// next returns the limit for a live heap of live bytes, and whether it
// differs from the limit set last.
func (f *floater) next(live int64) (int64, bool) {
	want := int64(float64(live) * f.headroom)
	if want <= f.limit {
		return f.limit, false
	}
	f.limit = want
	return want, true
}

package serve

import (
	"encoding/json"
	"sync"
)

// event is one server-sent event: "reload" after a good build, "error" with
// a failure's JSON after a failed one.
type event struct {
	name string
	data []byte
}

// failure is the data of an "error" event.
type failure struct {
	// Lines are the diagnostics as the terminal prints them.
	Lines []string `json:"lines"`
	// Serving is the time of the build still served (HH:MM:SS), or empty
	// when no build has succeeded yet.
	Serving string `json:"serving,omitempty"`
}

// hub fans the build state out to every open page. Each page's channel
// holds one event and keeps only the newest: a page that lags behind needs
// only the current state.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	// failed is the current failure and its event, sent to pages that
	// connect while it lasts.
	failed    *failure
	failEvent event
}

// subscribe registers a page. When the last build failed, its failure is
// already waiting in the channel.
func (h *hub) subscribe() chan event {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan event, 1)
	if h.clients == nil {
		h.clients = map[chan event]struct{}{}
	}
	h.clients[ch] = struct{}{}
	if h.failed != nil {
		ch <- h.failEvent
	}
	return ch
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, ch)
}

// reload tells every page to reload and clears the failure.
func (h *hub) reload() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failed = nil
	h.broadcast(event{name: "reload", data: []byte("ok")})
}

// fail sends a failure to every page and keeps it for pages that connect
// later.
func (h *hub) fail(f failure) {
	data, _ := json.Marshal(f) // strings only: cannot fail
	e := event{name: "error", data: data}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failed, h.failEvent = &f, e
	h.broadcast(e)
}

// broadcast replaces whatever each page has not read yet with e. Only the
// hub sends, under h.mu, so after the drain the send cannot block.
func (h *hub) broadcast(e event) {
	for ch := range h.clients {
		select {
		case ch <- e:
		default:
			select {
			case <-ch:
			default:
			}
			ch <- e
		}
	}
}

// current returns the failure being reported, if any.
func (h *hub) current() *failure {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.failed
}

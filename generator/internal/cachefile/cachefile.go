// Package cachefile holds what the caches a build keeps outside the site
// share: the identity of the running program, which every cache key
// names so that a new gongshi never trusts what an older one wrote, and
// writing an entry whole or not at all.
package cachefile

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

var (
	exeOnce sync.Once
	exeHash string
)

// Program returns the SHA-256 of the running executable, in hex, or "" when
// it cannot be read: then no cache may be used.
func Program() string {
	exeOnce.Do(func() {
		p, err := os.Executable()
		if err != nil {
			return
		}
		f, err := os.Open(p)
		if err != nil {
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err == nil {
			exeHash = hex.EncodeToString(h.Sum(nil))
		}
	})
	return exeHash
}

// Write puts data at name in the cache folder dir whole or not at all: a
// build killed meanwhile leaves no half entry. A cache is only ever a
// shortcut, so a failure leaves no entry and is not reported.
func Write(dir, name string, data []byte) {
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".entry-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
}

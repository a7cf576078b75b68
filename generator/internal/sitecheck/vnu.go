package sitecheck

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// VNUMessage is one message of the Nu HTML Checker.
type VNUMessage struct {
	Type      string `json:"type"`
	SubType   string `json:"subType"`
	URL       string `json:"url"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
	LastCol   int    `json:"lastColumn"`
	FirstLine int    `json:"firstLine"`
}

func (m VNUMessage) String() string {
	file := m.URL
	if i := strings.Index(file, "file:"); i >= 0 {
		file = file[i+len("file:"):]
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", file, m.LastLine, m.FirstCol, m.Type, m.Message)
}

// VNU runs the Nu HTML Checker (node_modules/vnu-jar) on every .html file
// under dir and returns its errors (warnings are not reported). One JVM
// checks the whole folder.
func VNU(t testing.TB, dir string) []VNUMessage {
	t.Helper()
	jar := NodeModule(t, "vnu-jar/build/dist/vnu.jar")
	java := Java(t)
	cmd := exec.Command(java, "-Xss4m", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	out, err := cmd.CombinedOutput()
	// vnu exits 1 when it found errors; the JSON says which.
	var doc struct {
		Messages []VNUMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &doc); jerr != nil {
		t.Fatalf("vnu: %v: %v\n%s", err, jerr, out)
	}
	for i := range doc.Messages {
		m := &doc.Messages[i]
		if p, ok := strings.CutPrefix(m.URL, "file:"); ok {
			if rel, err := filepath.Rel(dir, p); err == nil {
				m.URL = "file:" + filepath.ToSlash(rel)
			}
		}
	}
	return doc.Messages
}

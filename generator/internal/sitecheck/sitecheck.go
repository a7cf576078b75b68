// Package sitecheck holds the checks an inspector applies to a built site:
// axe-core for WCAG 2.1 AA, the Nu HTML Checker for validity, and a crawler
// for dead links, anchors and assets. The tools come from node_modules at
// the module root (npm ci, from the committed package-lock.json) and need
// Chromium and Java; without them a test is skipped locally and fails in CI
// (CI set), where .ci/run installs them.
package sitecheck

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the folder holding go.mod, searching up from the
// working directory (a test's package folder).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Missing skips the test, or fails it in CI, because a tool is missing;
// how says how to install it.
func Missing(t testing.TB, what, how string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing (%s); CI must install it", what, how)
	}
	t.Skipf("%s is missing (%s); skipped here, required in CI", what, how)
}

// NodeModule returns the path of rel inside node_modules at the module root,
// or calls Missing.
func NodeModule(t testing.TB, rel string) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(t, "node_modules/"+rel, "run npm ci at the repository root")
	}
	return p
}

// Java returns the java command, or calls Missing.
func Java(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("java")
	if err != nil {
		Missing(t, "java", "apt-get install default-jre-headless")
	}
	return p
}

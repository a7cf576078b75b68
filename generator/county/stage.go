package county

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gongshi/generator/output"
)

// staged runs fill on a new folder beside dest and, when it succeeds, puts
// that folder in place of dest in one rename; when it fails, dest stays as
// it was and the folder is removed. It holds dest's lock throughout, and
// removes what killed builds left beside dest.
func staged(ctx context.Context, dest string, fill func(dir string) error) error {
	dest = filepath.Clean(dest)
	lock, err := output.LockDest(ctx, dest, nil)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	output.StartCleanup(dest)()
	dir, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".building-")
	if err != nil {
		return err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return err
	}
	if err := fill(dir); err != nil {
		os.RemoveAll(dir)
		return err
	}
	if err := swap(dir, dest); err != nil {
		os.RemoveAll(dir)
		return err
	}
	return nil
}

// swap puts dir in place of dest, and removes what dest held.
func swap(dir, dest string) error {
	prev, err := output.Exchange(dir, dest)
	if err != nil || prev == "" {
		return err
	}
	return os.RemoveAll(prev)
}

// copyTree copies the folder src to dst, hard-linking each file where the
// file system allows it.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return &fs.PathError{Op: "copy", Path: p, Err: errors.New("not a regular file")}
		}
		if os.Link(p, to) == nil {
			return nil
		}
		return copyFile(p, to)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

package output

import (
	"errors"
	"io/fs"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// A build writes and re-reads tens of thousands of small files. os.File
// registers each with the runtime's poller (an epoll_ctl and an fcntl that
// regular files do not need) and os.ReadFile allocates per file; these
// call the system directly and read into a reused buffer.

// createExcl writes data into a new file at name, failing with an error
// matching fs.ErrExist when one is there.
func createExcl(name string, data []byte) error {
	fd, err := retryEINTR(func() (int, error) {
		return unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		if n, err = retryEINTR(func() (int, error) { return unix.Write(fd, data) }); err == nil {
			data = data[n:]
		}
	}
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	return nil
}

var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// errNotRegular is readRegular's error for a symbolic link, a folder or a
// device.
var errNotRegular = errors.New("not a regular file")

// readRegular reads the regular file at name, not following a symbolic
// link, into a pooled buffer, and returns its modification time; release
// returns the buffer, after which data must not be used. It reads the size
// the file had when opened: one system call fewer than reading to the end.
func readRegular(name string) (data []byte, mtime time.Time, release func(), err error) {
	fd, err := retryEINTR(func() (int, error) {
		return unix.Open(name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, time.Time{}, nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, time.Time{}, nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, time.Time{}, nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular}
	}
	bp := readBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	if want := int(st.Size); cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	for len(buf) < int(st.Size) {
		n, err := retryEINTR(func() (int, error) { return unix.Read(fd, buf[len(buf):int(st.Size)]) })
		if err != nil {
			*bp = buf
			readBufs.Put(bp)
			return nil, time.Time{}, nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 { // shorter than it was a moment ago
			break
		}
		buf = buf[:len(buf)+n]
	}
	mtime = time.Unix(st.Mtim.Unix())
	return buf, mtime, func() { *bp = buf; readBufs.Put(bp) }, nil
}

func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return n, err
		}
	}
}

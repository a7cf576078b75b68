package output

import (
	"io/fs"
	"sync"

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

// readPooled reads the file at name into a pooled buffer; release returns
// the buffer, after which data must not be used.
func readPooled(name string) (data []byte, release func(), err error) {
	fd, err := retryEINTR(func() (int, error) { return unix.Open(name, unix.O_RDONLY|unix.O_CLOEXEC, 0) })
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	bp := readBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	if want := int(st.Size) + 1; cap(buf) < want { // +1: the read that sees the end
		buf = make([]byte, 0, want)
	}
	for {
		n, err := retryEINTR(func() (int, error) { return unix.Read(fd, buf[len(buf):cap(buf)]) })
		if err != nil {
			*bp = buf
			readBufs.Put(bp)
			return nil, nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
		if len(buf) == cap(buf) { // grew since the stat
			buf = append(buf, 0)[:len(buf)]
		}
	}
	return buf, func() { *bp = buf; readBufs.Put(bp) }, nil
}

func retryEINTR(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != unix.EINTR {
			return n, err
		}
	}
}

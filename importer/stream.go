package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/backload/backload"
)

// Limits that bound the memory one row can take.
const (
	maxColumns   = 200
	maxFieldLen  = 64 << 10
	maxRowBytes  = 512 << 10 // a whole row; a quote left open ends here
	readBufSize  = 64 << 10
	unknownStep  = 1 << 20 // progress step when the size is unknown
	utf8BOM      = "\xef\xbb\xbf"
	maxErrorEcho = 40 // bytes of a bad value quoted back in a message
)

var errRowTooLong = errors.New("row too long")

// limitReader fails a read once more than max bytes have been read past
// mark, the end of the last complete row, so one row can never take more
// memory than that (plus a read buffer).
type limitReader struct {
	r    io.Reader
	n    int64 // bytes read so far
	mark int64
	max  int64
	err  error // the last error of r other than io.EOF
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n-l.mark > l.max {
		return 0, errRowTooLong
	}
	k, err := l.r.Read(p)
	l.n += int64(k)
	if err != nil && err != io.EOF {
		l.err = err
	}
	return k, err
}

// peekLine returns the first line of br (without consuming it), or as much
// of it as fits in the buffer. It returns an EINVALID error for an empty
// input and read errors wrapped.
func peekLine(br *bufio.Reader) ([]byte, error) {
	for n := 4096; ; n *= 2 {
		if n > br.Size() {
			n = br.Size()
		}
		b, err := br.Peek(n)
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			return b[:i], nil
		}
		if err != nil || n == br.Size() {
			if len(b) == 0 {
				if err != nil && err != io.EOF {
					return nil, readError(err)
				}
				return nil, backload.FieldErrorf("line 1", "the file is empty")
			}
			if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
				return nil, readError(err)
			}
			return b, nil
		}
	}
}

// bufferSize fits the read buffer to a small input: 4 KiB (what
// encoding/csv needs to reuse it) to 64 KiB.
func bufferSize(size int64) int {
	if size > 0 && size < readBufSize {
		return max(int(size)+1, 4096)
	}
	return readBufSize
}

// readError wraps an error of the underlying reader.
func readError(err error) error {
	if errors.Is(err, errRowTooLong) {
		return backload.FieldErrorf("line 1", "the first line is longer than %d KiB", maxRowBytes>>10)
	}
	return fmt.Errorf("importer: read: %w", err)
}

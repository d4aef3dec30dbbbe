package index

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// lockRetry is how long LockServer keeps trying: a reindex or a CLI search
// may hold the lock for a moment to learn that no server runs. A variable
// for tests.
var lockRetry = 3 * time.Second

// ErrServerRunning is returned by LockServer when another server holds the
// data directory.
var ErrServerRunning = errors.New("a server is already running on this data directory")

// LockServer marks dataDir as served by this process for as long as it runs:
// a reindex then leaves removing the old index to the server, and a CLI
// search asks the server instead of opening the index, which the server
// holds. Call release when the server stops.
func LockServer(dataDir string) (release func(), err error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("lock %s: %w", dataDir, err)
	}
	deadline := time.Now().Add(lockRetry)
	for {
		f, ok, err := tryLock(dataDir)
		if err != nil {
			return nil, err
		}
		if ok {
			return func() {
				os.Remove(filepath.Join(dataDir, addrFile))
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("lock %s: %w", dataDir, ErrServerRunning)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ServerRunning reports whether a server holds dataDir's lock. It opens
// the lock file for reading only (a lock needs no more), and takes its
// absence for no server (a server makes it), so that it works, and writes
// nothing, in a data directory the caller may not write.
func ServerRunning(dataDir string) (bool, error) {
	path := filepath.Join(dataDir, lockFile)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("lock %s: %w", path, err)
	}
	defer f.Close()
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("lock %s: %w", path, err)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false, nil
}

// tryLock takes the server lock without waiting; ok is false if someone
// else holds it. The lock belongs to the open file, which the caller keeps
// open for as long as it holds the lock.
func tryLock(dataDir string) (f *os.File, ok bool, err error) {
	path := filepath.Join(dataDir, lockFile)
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if errors.Is(err, os.ErrNotExist) {
		return nil, true, nil // no data directory: nobody serves it
	}
	if err != nil {
		return nil, false, fmt.Errorf("lock %s: %w", path, err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		f.Close()
		return nil, false, nil
	}
	if err != nil {
		f.Close()
		return nil, false, fmt.Errorf("lock %s: %w", path, err)
	}
	return f, true, nil
}

// WriteServeAddr records the address a server listens on (host:port), for
// CLI searches to find it.
func WriteServeAddr(dataDir, addr string) error {
	return writeFileAtomic(filepath.Join(dataDir, addrFile), []byte(addr+"\n"))
}

// ReadServeAddr returns the address the running server recorded, as
// host:port to dial: a listener on all interfaces (":8080", "[::]:8080") is
// reached on the loopback address.
func ReadServeAddr(dataDir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, addrFile))
	if err != nil {
		return "", fmt.Errorf("read server address: %w", err)
	}
	addr := strings.TrimSpace(string(b))
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("read server address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1" // Go listens dual-stack on "::" too
	}
	return net.JoinHostPort(host, port), nil
}

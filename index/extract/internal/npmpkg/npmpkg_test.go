package npmpkg

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyAndMember checks a tarball against its integrity hash (and
// refuses one a byte off), and reads one member out of it.
func TestVerifyAndMember(t *testing.T) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range map[string]string{"package/data/names.txt": "Ada\nBram\n", "package/README": "x"} {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	gz.Close()
	path := filepath.Join(t.TempDir(), "pkg-1.0.0.tgz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha512.Sum512(buf.Bytes())
	good := "sha512-" + base64.StdEncoding.EncodeToString(sum[:])
	if err := Verify(path, "pkg@1.0.0", good); err != nil {
		t.Errorf("the right hash: %v", err)
	}
	sum[0] ^= 1
	if err := Verify(path, "pkg@1.0.0", "sha512-"+base64.StdEncoding.EncodeToString(sum[:])); err == nil || !strings.Contains(err.Error(), "integrity") {
		t.Errorf("another hash: %v, want an integrity error", err)
	}
	var got bytes.Buffer
	if err := Member(path, "package/data/names.txt", &got); err != nil || got.String() != "Ada\nBram\n" {
		t.Errorf("member: %q, %v", got.String(), err)
	}
	if err := Member(path, "package/missing", &got); err == nil || !strings.Contains(err.Error(), "no package/missing") {
		t.Errorf("a missing member: %v, want an error naming it", err)
	}
}

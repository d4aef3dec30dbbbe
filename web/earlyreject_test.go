package web_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cuttings/cuttings/web"
)

// A POST refused before its body is read (no token, a wrong token, a
// content type the API does not take, a declared length over the limit)
// must still reach a client that sends its whole body before reading, as
// clients without Expect: 100-continue do: it reads the status, not a
// connection reset. The request is written by hand on a raw connection so
// that nothing (no Expect header, no early read) helps.
func TestEarlyRejectReadable(t *testing.T) {
	ta := newTestArchive(t, "secret")
	u, err := url.Parse(ta.URL)
	if err != nil {
		t.Fatal(err)
	}
	const size = 8 << 20 // several MiB: far past what the kernel buffers
	tests := []struct {
		name    string
		headers string
		length  int64 // declared Content-Length
		send    int64 // bytes actually sent
		want    int
	}{
		{"no token", "Content-Type: application/x-ndjson\r\n", size, size, http.StatusUnauthorized},
		{"wrong token", "Authorization: Bearer nope\r\nContent-Type: application/x-ndjson\r\n", size, size, http.StatusUnauthorized},
		{"unknown content type", "Authorization: Bearer secret\r\nContent-Type: image/png\r\n", size, size, http.StatusUnsupportedMediaType},
		{"declared too large", "Authorization: Bearer secret\r\nContent-Type: application/x-ndjson\r\n", web.MaxBodySize + 1, web.MaxBodySize + 1, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(30 * time.Second))
			sent := make(chan error, 1)
			go func() {
				// Like a naive client: the whole request, then read.
				if _, err := fmt.Fprintf(conn, "POST /api/articles HTTP/1.1\r\nHost: %s\r\n%sContent-Length: %d\r\n\r\n", u.Host, tt.headers, tt.length); err != nil {
					sent <- err
					return
				}
				_, err := io.CopyN(conn, strings.NewReader(strings.Repeat("x", int(tt.send))), tt.send)
				sent <- err
			}()
			if err := <-sent; err != nil {
				t.Fatalf("sending the body: %v (the server reset the connection)", err)
			}
			res, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("reading the status: %v", err)
			}
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Errorf("status %d, want %d", res.StatusCode, tt.want)
			}
		})
	}
}

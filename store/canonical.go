package store

import (
	"net/url"
	"strings"
)

// CanonicalURL returns the form of a URL under which two links to the same
// article compare equal: scheme and host in lower case, default ports,
// fragment, tracking parameters (utm_*, fbclid, gclid) and trailing slashes
// removed. A string that does not parse as an absolute URL is returned
// trimmed but otherwise unchanged, so it still matches itself.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case u.Scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	host = strings.TrimSuffix(host, ":") // "example.com:" has an empty port
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	u.RawQuery = stripTracking(u.RawQuery)
	u.ForceQuery = false
	// Keep the path's original escaping; only the trailing slashes go.
	p := strings.TrimRight(u.EscapedPath(), "/")
	u.RawPath = ""
	if unescaped, err := url.PathUnescape(p); err == nil {
		u.Path = unescaped
		u.RawPath = p
	} else {
		u.Path = p
	}
	return u.String()
}

// stripTracking drops utm_*, fbclid and gclid from a raw query string and
// keeps every other parameter as written, in its order: reordering or
// re-encoding the rest could merge URLs that a server treats differently.
func stripTracking(rawQuery string) string {
	if rawQuery == "" {
		return ""
	}
	var kept []string
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		key, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		key = strings.ToLower(key)
		if strings.HasPrefix(key, "utm_") || key == "fbclid" || key == "gclid" {
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "&")
}

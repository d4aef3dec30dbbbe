package main

import (
	"embed"
	"io/fs"
)

// The demo articles are built into the binary, so that a copied or
// `go install`ed cuttings serves --demo in any directory. They are a copy of
// testdata/articles (the embed pattern cannot reach above this package);
// TestDemoArticlesAreTestdata fails when the two drift apart.
//
//go:generate sh -c "rm -f demo/*.jsonl && cp ../../testdata/articles/*.jsonl demo/"
//go:embed demo/*.jsonl
var embeddedDemo embed.FS

// demoArticles is the directory of the built-in demo's *.jsonl files.
func demoArticles() fs.FS {
	sub, err := fs.Sub(embeddedDemo, "demo")
	if err != nil {
		panic(err) // "demo" is a valid path by construction
	}
	return sub
}

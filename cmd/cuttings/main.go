// Command cuttings ingests, indexes, searches and serves a news archive that
// knows who said what.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// errUsage marks an error whose message is usage help; it exits with status 2.
var errUsage = errors.New("usage")

// errRejected means a command finished but some input was rejected; the
// details have been printed already. It exits with status 1.
var errRejected = errors.New("some records were rejected")

type command struct {
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
	summary string
}

var commands = map[string]command{
	"serve":   {runServe, "run the search page and JSON API"},
	"ingest":  {runIngest, "add articles from JSONL, JSON, text, feeds, web pages, web archives, URLs or stdin"},
	"reindex": {runReindex, "rebuild the search index from the store and swap it in"},
	"search":  {runSearch, "search the archive from the command line"},
	"extract": {runExtract, "print people, countries, topics and quotes for articles (JSONL)"},
	"bench":   {runBench, "build a replicated corpus and measure indexing, search latency, size and memory"},
	"train":   {runTrain, "fit the extractor's models on annotated text and write their weights"},
}

func main() {
	err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		os.Exit(2)
	case errors.Is(err, errRejected):
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "cuttings:", err)
		os.Exit(1)
	}
}

// run is the whole CLI, callable from tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "cuttings: unknown command %q\n\n", args[0])
		usage(stderr)
		return errUsage
	}
	return cmd.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "cuttings: a news archive that knows who said what")
	fmt.Fprintln(w, "\nusage: cuttings COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'cuttings COMMAND -h' for a command's flags.")
}

// storeFlag binds --store: a PostgreSQL store used instead of the SQLite
// database in --data (the index always stays in --data).
func storeFlag(fs *flag.FlagSet, dst *string) {
	fs.StringVar(dst, "store", "", "store `DSN` such as postgres://host/db (shared by several nodes), instead of the SQLite database in --data")
}

// storeDSN is the store a command opens: --store when given, else --data.
func storeDSN(data, store string) string {
	if store != "" {
		return store
	}
	return data
}

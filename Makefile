# make test | lint | bench | ci
.PHONY: test lint bench ci

# index/engine alone takes about 15 minutes under the race detector.
test:
	go test -race -timeout 40m ./...

lint:
	go vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	@if command -v staticcheck >/dev/null; then staticcheck ./...; fi

bench:
	go test -run '^$$' -bench . -benchmem ./index/extract ./index ./store

ci:
	.ci/run

# make test | lint | bench | ci
.PHONY: test lint bench ci

test:
	go test -race ./...

lint:
	go vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	@if command -v staticcheck >/dev/null; then staticcheck ./...; fi

bench:
	go test -run '^$$' -bench . -benchmem ./index/extract ./index ./store

ci:
	.ci/run

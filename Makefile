# 工会账本 — the two commands a newcomer needs:
#   make run    install what is missing, build, and open the app
#   make test   install what is missing, then run every test (core, CLI, UI, end-to-end)
.PHONY: run test deps deps-test ui core-test ui-test app e2e bench clean

export PATH := $(HOME)/.cargo/bin:$(PATH)

run: deps ui
	cargo run -p union-ledger -- $(ARGS)

test: deps-test core-test ui-test app e2e

deps:
	scripts/ensure-deps.sh run

deps-test:
	scripts/ensure-deps.sh test

ui:
	cd ui && npm run build

# Core and CLI tests; fails if the core crate ever depends on Tauri.
core-test: ui
	@if cargo tree -p union-ledger-core --edges normal | grep -qE '(^|[ ─])tauri[a-z0-9_-]* v'; then echo "core must not depend on tauri"; exit 1; fi
	cargo test --workspace

ui-test:
	cd ui && npm test

app: ui
	cargo build -p union-ledger

e2e: app
	node tests/e2e/run.mjs

bench:
	cargo bench -p union-ledger-core

clean:
	cargo clean
	rm -rf ui/dist tests/artifacts

# 工会账本 — the two commands a newcomer needs:
#   make run    install what is missing, build, and open the app
#   make test   install what is missing, then run every test (core, CLI, UI, end-to-end)
.PHONY: run test deps deps-test ui core-test dates-test ui-test app e2e bench bindings clean

export PATH := $(HOME)/.cargo/bin:$(PATH)

run: deps ui
	cargo run -p union-ledger -- $(ARGS)

test: deps-test core-test dates-test ui-test app e2e

deps:
	scripts/ensure-deps.sh run

deps-test:
	scripts/ensure-deps.sh test

ui:
	cd ui && npm run build

# Core and CLI tests; fails if the core crate ever depends on Tauri, or the light command line
# on any GUI library.
core-test: ui
	@if cargo tree -p union-ledger-core --edges normal | grep -qE '(^|[ ─])tauri[a-z0-9_-]* v'; then echo "core must not depend on tauri"; exit 1; fi
	@if cargo tree -p union-ledger-cli --edges normal | grep -qE '(^|[ ─])(tauri|wry|webkit2gtk|gtk|tao)[a-z0-9_-]* v'; then echo "union-ledger-cli must not depend on GUI libraries"; exit 1; fi
	cargo test --workspace

# The same core and CLI tests again with the machine's clock at three other dates (faketime):
# a test that forgot to pin UNION_LEDGER_TODAY fails here.
dates-test: core-test
	scripts/test-other-dates.sh

ui-test:
	cd ui && npm test

app: ui
	cargo build -p union-ledger

e2e: app
	node tests/e2e/run.mjs

# Regenerate the UI's IPC types (ui/src/bindings/) from the Rust types; `cargo test` fails while
# the committed ones are stale (src-tauri/core/tests/bindings.rs).
bindings:
	TS_RS_EXPORT_DIR=$(CURDIR)/ui/src/bindings cargo test -p union-ledger-core --test bindings -- --ignored export_bindings

# Criterion benches of the core's reports, then the command line against hledger 1.25 on the
# large sample book (built once, cached under target/bench/).
bench:
	cargo bench -p union-ledger-core
	cargo bench -p union-ledger-cli --bench cli_vs_hledger

clean:
	cargo clean
	rm -rf ui/dist tests/artifacts

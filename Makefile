# Gazette's two entry points on a fresh Debian 12 machine (as root):
#   make demo  builds the server and serves the demo magazine at http://127.0.0.1:8080
#   make test  builds with sanitizers and runs the unit, integration and browser tests

JOBS := $(shell nproc)
GAZETTE := build/src/app/gazette

.PHONY: demo test

# A compiler warning must not keep anyone from seeing the demo: -Werror is for `make test`.
demo:
	scripts/install-deps.sh
	cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGAZETTE_BUILD_TESTS=OFF \
	  -DGAZETTE_SANITIZE=OFF -DGAZETTE_WERROR=OFF
	cmake --build build --target gazette -j$(JOBS)
	test -d demo-site || $(GAZETTE) init --demo demo-site
	$(GAZETTE) serve demo-site --listen 127.0.0.1:8080

test:
	scripts/run-tests.sh

# Installs agora built in release mode, with its manual page and shell completions.
#   make install                     # under /usr/local (run as root, or with sudo)
#   make install PREFIX=$HOME/.local # for one user
#   make uninstall PREFIX=…          # takes the same files away again
# DESTDIR is put in front of every path, for packaging.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

# The installed program carries the Swift runtime and Foundation inside it: it starts about a
# third sooner than one that loads them as shared libraries (BENCHMARKS.md). It is built apart,
# so the manual plugin's ordinary release build does not undo it. (The linker's note about
# `mktemp` comes from Foundation's own static library.)
STATIC := .build/static
PROGRAM := $(STATIC)/release/agora
MANUAL := .build/plugins/GenerateManual/outputs/agora/agora.1
GENERATED := .build/agora-completions

.PHONY: all build manual completions install uninstall

all: build manual completions

build:
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(STATIC) --product agora

# swift-argument-parser's manual plugin, from the command definitions (it builds in release mode).
manual: build
	$(SWIFT) package plugin generate-manual

completions: build
	mkdir -p $(GENERATED)
	$(PROGRAM) --generate-completion-script bash > $(GENERATED)/agora
	$(PROGRAM) --generate-completion-script zsh > $(GENERATED)/_agora
	$(PROGRAM) --generate-completion-script fish > $(GENERATED)/agora.fish

install: all
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(PROGRAM) $(BINDIR)/agora
	install -m 0644 $(MANUAL) $(MANDIR)/agora.1
	install -m 0644 $(GENERATED)/agora $(BASHDIR)/agora
	install -m 0644 $(GENERATED)/_agora $(ZSHDIR)/_agora
	install -m 0644 $(GENERATED)/agora.fish $(FISHDIR)/agora.fish

uninstall:
	rm -f $(BINDIR)/agora $(MANDIR)/agora.1 $(BASHDIR)/agora $(ZSHDIR)/_agora $(FISHDIR)/agora.fish

// Package bench holds lorkeeper's benchmarks. `bench/run` measures the
// built daemon against a real Dovecot and Postfix (scripts/mailstack):
// reply latency, cold start on huge mailboxes, memory, many mailboxes in
// one process, each next to the floor a bare IMAP client gets from the
// same server (the program is bench/lkbench; the figures and how to
// reproduce them are in bench/README.md).
//
// The Go benchmarks here time what lorkeeper itself adds for each message
// the server's SEARCH matches, in process, without a server:
//
//	go test -run '^$' -bench . -benchmem ./bench
package bench
